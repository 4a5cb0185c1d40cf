using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Perimeter.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnerRetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RetryRequestedAt",
                table: "partners",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetryRequestedAt",
                table: "partners");
        }
    }
}
