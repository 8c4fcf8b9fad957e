using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Envelopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FederationAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Peer = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    EnvelopeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxConversations",
                columns: table => new
                {
                    From = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Conversation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NextSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Waiting = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxConversations", x => new { x.From, x.Conversation });
                });

            migrationBuilder.CreateTable(
                name: "InboxEnvelopes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Conversation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Receipt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxEnvelopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxEnvelopes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Peer = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Conversation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProblemCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProblemStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ProblemDetail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Receipt = table.Column<string>(type: "TEXT", nullable: true),
                    ReceiptVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceiptReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptHasCheckpoint = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverdueAlertedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEnvelopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxSequences",
                columns: table => new
                {
                    Conversation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Next = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxSequences", x => x.Conversation);
                });

            migrationBuilder.CreateTable(
                name: "received_pings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnvelopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Conversation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_received_pings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FederationAlerts_CreatedAt",
                table: "FederationAlerts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InboxEnvelopes_From_Conversation_Seq",
                table: "InboxEnvelopes",
                columns: new[] { "From", "Conversation", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxEnvelopes_Status_ReceivedAt",
                table: "InboxEnvelopes",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEnvelopes_Conversation_Seq",
                table: "OutboxEnvelopes",
                columns: new[] { "Conversation", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEnvelopes_Peer_Status",
                table: "OutboxEnvelopes",
                columns: new[] { "Peer", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEnvelopes_Status_NextAttemptAt",
                table: "OutboxEnvelopes",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_received_pings_AppliedAt",
                table: "received_pings",
                column: "AppliedAt");

            migrationBuilder.CreateIndex(
                name: "IX_received_pings_EnvelopeId",
                table: "received_pings",
                column: "EnvelopeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FederationAlerts");

            migrationBuilder.DropTable(
                name: "InboxConversations");

            migrationBuilder.DropTable(
                name: "InboxEnvelopes");

            migrationBuilder.DropTable(
                name: "OutboxEnvelopes");

            migrationBuilder.DropTable(
                name: "OutboxSequences");

            migrationBuilder.DropTable(
                name: "received_pings");
        }
    }
}
