using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Perimeter.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Federation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Partner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    KindsKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CategoriesKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Purposes = table.Column<int>(type: "integer", nullable: false),
                    HighestTlp = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RetentionDays = table.Column<int>(type: "integer", nullable: false),
                    HitReporting = table.Column<bool>(type: "boolean", nullable: false),
                    UrgentHours = table.Column<int>(type: "integer", nullable: false),
                    RoutineHours = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SuspendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hit_reports",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                    Originator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reported = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hit_reports", x => x.DecisionId);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Partner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: true),
                    PreviousVersion = table.Column<int>(type: "integer", nullable: false),
                    Signer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Signature = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefusedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "partner_copies",
                columns: table => new
                {
                    Partner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                    QueuedVersion = table.Column<int>(type: "integer", nullable: false),
                    HeldVersion = table.Column<int>(type: "integer", nullable: false),
                    HeldStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReceiptPayload = table.Column<string>(type: "text", nullable: true),
                    ReceiptSignature = table.Column<string>(type: "text", nullable: true),
                    AckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_copies", x => new { x.Partner, x.AlertId });
                });

            migrationBuilder.CreateTable(
                name: "partner_hits",
                columns: table => new
                {
                    Reference = table.Column<Guid>(type: "uuid", nullable: false),
                    Asker = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Band = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_hits", x => x.Reference);
                });

            migrationBuilder.CreateTable(
                name: "partners",
                columns: table => new
                {
                    Agency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CertificatePem = table.Column<string>(type: "text", nullable: false),
                    CertificateSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastContactAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastFailureAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners", x => x.Agency);
                });

            migrationBuilder.CreateTable(
                name: "received_copies",
                columns: table => new
                {
                    AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                    Originator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReceivedFrom = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Signature = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetainUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_received_copies", x => x.AlertId);
                });

            migrationBuilder.CreateTable(
                name: "relay_cursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LastChange = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relay_cursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests_for_details",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Partner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reference = table.Column<Guid>(type: "uuid", nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstApprover = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SecondApprover = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DenialReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReleasePayload = table.Column<string>(type: "text", nullable: true),
                    ReleaseSignature = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests_for_details", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agreements_Partner",
                table: "agreements",
                column: "Partner");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_MessageId",
                table: "outbox_messages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Partner_DeliveredAt_RefusedAt_Sequence",
                table: "outbox_messages",
                columns: new[] { "Partner", "DeliveredAt", "RefusedAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_partner_copies_AlertId",
                table: "partner_copies",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_CertificateSha256",
                table: "partners",
                column: "CertificateSha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_received_copies_RetainUntil",
                table: "received_copies",
                column: "RetainUntil");

            migrationBuilder.CreateIndex(
                name: "IX_requests_for_details_Status_DueAt",
                table: "requests_for_details",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreements");

            migrationBuilder.DropTable(
                name: "hit_reports");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "partner_copies");

            migrationBuilder.DropTable(
                name: "partner_hits");

            migrationBuilder.DropTable(
                name: "partners");

            migrationBuilder.DropTable(
                name: "received_copies");

            migrationBuilder.DropTable(
                name: "relay_cursor");

            migrationBuilder.DropTable(
                name: "requests_for_details");
        }
    }
}
