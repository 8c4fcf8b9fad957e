using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Serial = table.Column<long>(type: "INTEGER", nullable: true),
                    Jws = table.Column<string>(type: "TEXT", nullable: true),
                    PayloadSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextUpdate = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LastCheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRefusalCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastRefusal = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    LastRefusalAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptRefused = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastFetchError = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    LastFetchErrorAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldRegister", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NodeKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Use = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false),
                    ProtectedPrivateKey = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    NotBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    NotAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NodeKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegisterPublications",
                columns: table => new
                {
                    Serial = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextUpdate = table.Column<long>(type: "INTEGER", nullable: false),
                    Jws = table.Column<string>(type: "TEXT", nullable: false),
                    PayloadSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
