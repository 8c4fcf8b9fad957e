using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryDesignations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hours = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Always = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryDesignations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryNodeEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Endpoint = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryNodeEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Jws = table.Column<string>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    KeyThumbprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstRegistration = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisterSerial = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryNotifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryPublished",
                columns: table => new
                {
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryPublished", x => x.State);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryServiceProviders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Headquarters = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DataLocations = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LawEnforcementContact = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EmergencyContact = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AcceptsDirectly = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryServiceProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectorySubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FirstRegistration = table.Column<bool>(type: "INTEGER", nullable: false),
                    KeyThumbprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectorySubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryRosterShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DesignationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    Officer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryRosterShifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryRosterShifts_DirectoryDesignations_DesignationId",
                        column: x => x.DesignationId,
                        principalTable: "DirectoryDesignations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryDesignations_State",
                table: "DirectoryDesignations",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryNodeEntries_State",
                table: "DirectoryNodeEntries",
                column: "State",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryNotifications_State",
                table: "DirectoryNotifications",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryNotifications_Status_ReceivedAt",
                table: "DirectoryNotifications",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryRosterShifts_DesignationId_Start",
                table: "DirectoryRosterShifts",
                columns: new[] { "DesignationId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServiceProviders_State",
                table: "DirectoryServiceProviders",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_DirectorySubmissions_SubmittedAt",
                table: "DirectorySubmissions",
                column: "SubmittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryNodeEntries");

            migrationBuilder.DropTable(
                name: "DirectoryNotifications");

            migrationBuilder.DropTable(
                name: "DirectoryPublished");

            migrationBuilder.DropTable(
                name: "DirectoryRosterShifts");

            migrationBuilder.DropTable(
                name: "DirectoryServiceProviders");

            migrationBuilder.DropTable(
                name: "DirectorySubmissions");

            migrationBuilder.DropTable(
                name: "DirectoryDesignations");
        }
    }
}
