using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Perimeter.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartnerRetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetryRequestedAt",
                table: "partners",
                type: "timestamp with time zone",
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
