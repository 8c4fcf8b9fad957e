using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Peer = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    EnvelopeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxConversations",
                columns: table => new
                {
                    From = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Conversation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NextSeq = table.Column<long>(type: "bigint", nullable: false),
                    Waiting = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    LastReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxConversations", x => new { x.From, x.Conversation });
                });

            migrationBuilder.CreateTable(
                name: "InboxEnvelopes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Conversation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Receipt = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxEnvelopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxEnvelopes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Peer = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Conversation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProblemCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProblemStatus = table.Column<int>(type: "integer", nullable: true),
                    ProblemDetail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Receipt = table.Column<string>(type: "text", nullable: true),
                    ReceiptVerified = table.Column<bool>(type: "boolean", nullable: false),
                    ReceiptReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReceiptHasCheckpoint = table.Column<bool>(type: "boolean", nullable: false),
                    OverdueAlertedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEnvelopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxSequences",
                columns: table => new
                {
                    Conversation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Next = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxSequences", x => x.Conversation);
                });

            migrationBuilder.CreateTable(
                name: "received_pings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnvelopeId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Conversation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
