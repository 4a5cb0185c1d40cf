using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Perimeter.Storage.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FirstRegistration = table.Column<Guid>(type: "uuid", nullable: false),
                    SecondAgency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SecondRegistration = table.Column<Guid>(type: "uuid", nullable: false),
                    RemoteContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deconfliction_conflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deconfliction_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    RadiusMeters = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Operation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deconfliction_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deconfliction_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Partner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KeyId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deconfliction_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deconfliction_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    GivenNames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Surnames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Operation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deconfliction_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deconfliction_tokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false)
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
