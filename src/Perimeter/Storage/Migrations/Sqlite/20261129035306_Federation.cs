using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Perimeter.Storage.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    KindsKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CategoriesKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Purposes = table.Column<int>(type: "INTEGER", nullable: false),
                    HighestTlp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    HitReporting = table.Column<bool>(type: "INTEGER", nullable: false),
                    UrgentHours = table.Column<int>(type: "INTEGER", nullable: false),
                    RoutineHours = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SuspendedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hit_reports",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Originator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reported = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hit_reports", x => x.DecisionId);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: true),
                    PreviousVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Signer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "partner_copies",
                columns: table => new
                {
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueuedVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReceiptPayload = table.Column<string>(type: "TEXT", nullable: true),
                    ReceiptSignature = table.Column<string>(type: "TEXT", nullable: true),
                    AckedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_copies", x => new { x.Partner, x.AlertId });
                });

            migrationBuilder.CreateTable(
                name: "partner_hits",
                columns: table => new
                {
                    Reference = table.Column<Guid>(type: "TEXT", nullable: false),
                    Asker = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_hits", x => x.Reference);
                });

            migrationBuilder.CreateTable(
                name: "partners",
                columns: table => new
                {
                    Agency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CertificatePem = table.Column<string>(type: "TEXT", nullable: false),
                    CertificateSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastContactAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastFailureAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners", x => x.Agency);
                });

            migrationBuilder.CreateTable(
                name: "received_copies",
                columns: table => new
                {
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Originator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedFrom = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetainUntil = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_received_copies", x => x.AlertId);
                });

            migrationBuilder.CreateTable(
                name: "relay_cursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastChange = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relay_cursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests_for_details",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reference = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstApprover = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SecondApprover = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DenialReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReleasePayload = table.Column<string>(type: "TEXT", nullable: true),
                    ReleaseSignature = table.Column<string>(type: "TEXT", nullable: true)
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
