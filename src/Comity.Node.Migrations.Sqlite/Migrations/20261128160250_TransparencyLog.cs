using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TransparencyLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ObjectType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeafIndex = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LogCheckpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TreeSize = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    Kid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LogCosignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TreeSize = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Witness = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    KeyName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    CosignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogCosignatures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LogLeaves",
                columns: table => new
                {
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    LeafHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SequencedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogLeaves", x => x.Index);
                });

            migrationBuilder.CreateTable(
                name: "LogNodes",
                columns: table => new
                {
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogNodes", x => new { x.Level, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "WitnessAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CosignedSize = table.Column<long>(type: "INTEGER", nullable: false),
                    CosignedRoot = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    SubmittedSize = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedRoot = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    SubmittedNote = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: false),
                    CosignedNote = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WitnessedLogs",
                columns: table => new
                {
                    Origin = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TreeSize = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: false),
                    CosignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessedLogs", x => x.Origin);
                });

            migrationBuilder.CreateTable(
                name: "WitnessPeers",
                columns: table => new
                {
                    State = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AcceptedSize = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessPeers", x => x.State);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_LeafIndex",
                table: "AuditEvents",
                column: "LeafIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_RecordedAt_Id",
                table: "AuditEvents",
                columns: new[] { "RecordedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LogCheckpoints_TreeSize_CreatedAt",
                table: "LogCheckpoints",
                columns: new[] { "TreeSize", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LogCosignatures_TreeSize_Witness",
                table: "LogCosignatures",
                columns: new[] { "TreeSize", "Witness" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LogLeaves_EventId",
                table: "LogLeaves",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WitnessAlerts_DetectedAt",
                table: "WitnessAlerts",
                column: "DetectedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "LogCheckpoints");

            migrationBuilder.DropTable(
                name: "LogCosignatures");

            migrationBuilder.DropTable(
                name: "LogLeaves");

            migrationBuilder.DropTable(
                name: "LogNodes");

            migrationBuilder.DropTable(
                name: "WitnessAlerts");

            migrationBuilder.DropTable(
                name: "WitnessedLogs");

            migrationBuilder.DropTable(
                name: "WitnessPeers");
        }
    }
}
