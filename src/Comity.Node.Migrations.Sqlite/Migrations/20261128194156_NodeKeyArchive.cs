using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Sqlite.Migrations
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
                    State = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kid = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Use = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Jwk = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    NotBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    NotAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstSerial = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSerial = table.Column<long>(type: "INTEGER", nullable: false)
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
