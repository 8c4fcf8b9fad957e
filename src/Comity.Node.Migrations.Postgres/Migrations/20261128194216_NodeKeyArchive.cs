using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NodeKeyArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArchivedNodeKeys",
                columns: table => new
                {
                    State = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Kid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Use = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Jwk = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstSerial = table.Column<long>(type: "bigint", nullable: false),
                    LastSerial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchivedNodeKeys", x => new { x.State, x.Kid });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchivedNodeKeys");
        }
    }
}
