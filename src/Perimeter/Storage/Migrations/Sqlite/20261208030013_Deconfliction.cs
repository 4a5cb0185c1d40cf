using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Perimeter.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Deconfliction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deconfliction_conflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstAgency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FirstRegistration = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondAgency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SecondRegistration = table.Column<Guid>(type: "TEXT", nullable: false),
                    RemoteContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deconfliction_conflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deconfliction_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    RadiusMeters = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deconfliction_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deconfliction_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deconfliction_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deconfliction_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    GivenNames = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Surnames = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deconfliction_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deconfliction_tokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deconfliction_tokens", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deconfliction_conflicts_FirstAgency",
                table: "deconfliction_conflicts",
                column: "FirstAgency");

            migrationBuilder.CreateIndex(
                name: "IX_deconfliction_conflicts_SecondAgency",
                table: "deconfliction_conflicts",
                column: "SecondAgency");

            migrationBuilder.CreateIndex(
                name: "IX_deconfliction_events_EndsAt",
                table: "deconfliction_events",
                column: "EndsAt");

            migrationBuilder.CreateIndex(
                name: "IX_deconfliction_keys_Partner_KeyId",
                table: "deconfliction_keys",
                columns: new[] { "Partner", "KeyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deconfliction_targets_Agency",
                table: "deconfliction_targets",
                column: "Agency");

            migrationBuilder.CreateIndex(
                name: "IX_deconfliction_targets_Kind_DateOfBirth",
                table: "deconfliction_targets",
                columns: new[] { "Kind", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_deconfliction_targets_Kind_Key",
                table: "deconfliction_targets",
                columns: new[] { "Kind", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_deconfliction_tokens_KeyId_Token",
                table: "deconfliction_tokens",
                columns: new[] { "KeyId", "Token" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deconfliction_conflicts");

            migrationBuilder.DropTable(
                name: "deconfliction_events");

            migrationBuilder.DropTable(
                name: "deconfliction_keys");

            migrationBuilder.DropTable(
                name: "deconfliction_targets");

            migrationBuilder.DropTable(
                name: "deconfliction_tokens");
        }
    }
}
