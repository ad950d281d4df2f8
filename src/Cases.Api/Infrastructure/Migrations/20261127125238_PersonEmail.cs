using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Cases.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PersonEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The e-mail address lives in the person's JSON document: no column changes, only the model moves on.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
