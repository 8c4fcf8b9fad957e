using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegisterAndNodeKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HeldRegister",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Serial = table.Column<long>(type: "bigint", nullable: true),
                    Jws = table.Column<string>(type: "text", nullable: true),
                    PayloadSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextUpdate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ETag = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastRefusalCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LastRefusal = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    LastRefusalAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAttemptRefused = table.Column<bool>(type: "boolean", nullable: false),
                    LastFetchError = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    LastFetchErrorAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldRegister", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NodeKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Use = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    ProtectedPrivateKey = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NodeKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegisterPublications",
                columns: table => new
                {
                    Serial = table.Column<long>(type: "bigint", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextUpdate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Jws = table.Column<string>(type: "text", nullable: false),
                    PayloadSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterPublications", x => x.Serial);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NodeKeys_Kid",
                table: "NodeKeys",
                column: "Kid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NodeKeys_Use_RetiredAt",
                table: "NodeKeys",
                columns: new[] { "Use", "RetiredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldRegister");

            migrationBuilder.DropTable(
                name: "NodeKeys");

            migrationBuilder.DropTable(
                name: "RegisterPublications");
        }
    }
}
