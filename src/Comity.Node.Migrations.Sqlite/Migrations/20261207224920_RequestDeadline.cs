using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comity.Node.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Deadline",
                table: "cooperation_requests",
                type: "INTEGER",
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
