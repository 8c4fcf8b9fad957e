using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CooperationRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cooperation_handover_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RequestIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_handover_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestingState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RequestedState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PeerState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RequestingOffice = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestedOffice = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestedDesignationId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    OfficerOnDuty = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestedTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RegisterSerial = table.Column<long>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LegalBasisKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LegalBasisReference = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConventionInForce = table.Column<bool>(type: "INTEGER", nullable: true),
                    OriginalLanguage = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    OriginalText = table.Column<string>(type: "TEXT", nullable: false),
                    TranslationLanguage = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    TranslationText = table.Column<string>(type: "TEXT", nullable: true),
                    ContentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ConditionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    EventCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastMovedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextDueKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_request_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Clock = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Due = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Article = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_request_alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_request_alerts_cooperation_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "cooperation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_request_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    EnvelopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Jws = table.Column<string>(type: "TEXT", nullable: false),
                    Kid = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    StoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cooperation_request_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cooperation_request_events_cooperation_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "cooperation_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_handover_notes_WrittenAt",
                table: "cooperation_handover_notes",
                column: "WrittenAt");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_request_alerts_RaisedAt",
                table: "cooperation_request_alerts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_request_alerts_RequestId_Clock_Due",
                table: "cooperation_request_alerts",
                columns: new[] { "RequestId", "Clock", "Due" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_request_events_EnvelopeId",
                table: "cooperation_request_events",
                column: "EnvelopeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_request_events_RequestId_Index",
                table: "cooperation_request_events",
                columns: new[] { "RequestId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_IsOpen_NextDueAt",
                table: "cooperation_requests",
                columns: new[] { "IsOpen", "NextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cooperation_requests_Side_IsOpen_NextDueAt",
                table: "cooperation_requests",
                columns: new[] { "Side", "IsOpen", "NextDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cooperation_handover_notes");

            migrationBuilder.DropTable(
                name: "cooperation_request_alerts");

            migrationBuilder.DropTable(
                name: "cooperation_request_events");

            migrationBuilder.DropTable(
                name: "cooperation_requests");
        }
    }
}
