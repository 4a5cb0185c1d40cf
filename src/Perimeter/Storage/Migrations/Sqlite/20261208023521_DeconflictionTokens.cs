using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Perimeter.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeconflictionTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_deconfliction_tokens_KeyId_Token",
                table: "deconfliction_tokens",
                columns: new[] { "KeyId", "Token" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deconfliction_tokens");
        }
    }
}
