using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RequestDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Deadline",
                table: "cooperation_requests",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "cooperation_requests");
        }
    }
}
