using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    FullName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Institution = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ContactPreference = table.Column<int>(type: "int", nullable: false),
                    DeactivatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeactivatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DeactivationReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    SecurityStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumber = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "bit", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "bit", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    ContestId = table.Column<int>(type: "int", nullable: true),
                    ProfileId = table.Column<int>(type: "int", nullable: true),
                    BeforeJson = table.Column<string>(type: "nvarchar(max)", maxLength: 32000, nullable: true),
                    AfterJson = table.Column<string>(type: "nvarchar(max)", maxLength: 32000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CacheEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Value = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AbsoluteExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SlidingSeconds = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CacheEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ProvinceCode = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: true),
                    BasesMarkdown = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PassMark = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    TemplateCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinHouseholds = table.Column<int>(type: "int", nullable: false),
                    MaxHouseholds = table.Column<int>(type: "int", nullable: false),
                    MinCounterpartPercent = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    RequiresProjectMembership = table.Column<bool>(type: "bit", nullable: false),
                    RulesLockedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastProfileNumber = table.Column<int>(type: "int", nullable: false),
                    AppealWindowDays = table.Column<int>(type: "int", nullable: false),
                    ShareJurorCommentsWithGroups = table.Column<bool>(type: "bit", nullable: false),
                    CorrectionOpenedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CorrectionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CorrectionAppealId = table.Column<int>(type: "int", nullable: true),
                    Evaluation_Aggregation = table.Column<int>(type: "int", nullable: false),
                    Evaluation_Allocation = table.Column<int>(type: "int", nullable: false),
                    Evaluation_Granularity = table.Column<int>(type: "int", nullable: false),
                    Evaluation_MinimumAttendancePercent = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Evaluation_PartialAwardMinimumPercent = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Evaluation_RollOverUnspentBudget = table.Column<bool>(type: "bit", nullable: false),
                    Timeline_CallOpensAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Timeline_FieldEvaluationEndsAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Timeline_FieldEvaluationStartsAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Timeline_PublicSessionAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Timeline_ResultsAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Timeline_SubmissionsCloseAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeviceSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    TargetId = table.Column<int>(type: "int", nullable: false),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    ProfileId = table.Column<int>(type: "int", nullable: true),
                    PayloadHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Refusals = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Districts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Districts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    PassMark = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    Parts = table.Column<int>(type: "int", nullable: false),
                    DeliveryToken = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Delivery = table.Column<int>(type: "int", nullable: false),
                    DeliveryReportedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SendStartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    To = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    HtmlBody = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DeduplicationKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductionLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductionLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Provinces",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provinces", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "RegistryProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    NecName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RelayedEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Origin = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelayedEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShortLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false),
                    TargetPath = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShortLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoleId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderKey = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    RoleId = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffScopeAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffScopeAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffScopeAreas_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConflictDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    JurorUserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestCategory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Budget = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    MaxAward = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestCategory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestCategory_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestChecklistItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestChecklistItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestChecklistItem_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestDocumentSlots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    IsRequired = table.Column<bool>(type: "bit", nullable: false),
                    PdfOnly = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestDocumentSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestDocumentSlots_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestFollowUpVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    DaysAfterFirstPayment = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestFollowUpVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestFollowUpVisits_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestInvestmentCap",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    MaxPercentOfFund = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestInvestmentCap", x => new { x.ContestId, x.Category });
                    table.ForeignKey(
                        name: "FK_ContestInvestmentCap_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestPriorityRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    ThresholdPercent = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    BonusPoints = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestPriorityRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestPriorityRules_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestStage",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    JurorsPerProfile = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    ScoringDeadlineUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SpreadThreshold = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestStage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestStage_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestTieBreakers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    StageCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    CriterionCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestTieBreakers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestTieBreakers_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestTranches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Percent = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Trigger = table.Column<int>(type: "int", nullable: false),
                    RequiredAccountedPercent = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestTranches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestTranches_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JurorPseudonyms",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    JurorUserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurorPseudonyms", x => new { x.ContestId, x.JurorUserId });
                    table.ForeignKey(
                        name: "FK_JurorPseudonyms_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_JurorPseudonyms_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultsPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PublishedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CorrectionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PackageJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultsPublications_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TemplateStage",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EvaluationTemplateId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    JurorsPerProfile = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemplateStage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemplateStage_EvaluationTemplates_EvaluationTemplateId",
                        column: x => x.EvaluationTemplateId,
                        principalTable: "EvaluationTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestProductionLine",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    ProductionLineId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestProductionLine", x => new { x.ContestId, x.ProductionLineId });
                    table.ForeignKey(
                        name: "FK_ContestProductionLine_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestProductionLine_ProductionLines_ProductionLineId",
                        column: x => x.ProductionLineId,
                        principalTable: "ProductionLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProducerGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LegalForm = table.Column<int>(type: "int", nullable: false),
                    Ruc = table.Column<string>(type: "nvarchar(11)", maxLength: 11, nullable: true),
                    ProductionLineId = table.Column<int>(type: "int", nullable: false),
                    RepresentativeUserId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    RepresentativeMobile = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: true),
                    RegisteredByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    IsAssistedRegistration = table.Column<bool>(type: "bit", nullable: false),
                    RepresentativeConsentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    VerifiedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    VerifiedByUserId = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Location_CentroPoblado = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Location_DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Location_ProvinceCode = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    Location_RegionCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProducerGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProducerGroups_AspNetUsers_RegisteredByUserId",
                        column: x => x.RegisteredByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProducerGroups_AspNetUsers_RepresentativeUserId",
                        column: x => x.RepresentativeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProducerGroups_ProductionLines_ProductionLineId",
                        column: x => x.ProductionLineId,
                        principalTable: "ProductionLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistryImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    RegistryProjectId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FileSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RowsSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "int", nullable: false),
                    People = table.Column<int>(type: "int", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ProcessedRows = table.Column<int>(type: "int", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IsCurrent = table.Column<bool>(type: "bit", nullable: false),
                    StorageName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryImports_RegistryProjects_RegistryProjectId",
                        column: x => x.RegistryProjectId,
                        principalTable: "RegistryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistryProjectDistrict",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegistryProjectId = table.Column<int>(type: "int", nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryProjectDistrict", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryProjectDistrict_RegistryProjects_RegistryProjectId",
                        column: x => x.RegistryProjectId,
                        principalTable: "RegistryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestCriterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestStageId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RubricMarkdown = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Weight = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestCriterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestCriterion_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JurorAppointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    ContestStageId = table.Column<int>(type: "int", nullable: false),
                    JurorUserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    AppointedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AppointedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurorAppointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JurorAppointments_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JurorAppointments_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JurorAppointments_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "LiveSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    ContestStageId = table.Column<int>(type: "int", nullable: false),
                    Seed = table.Column<int>(type: "int", nullable: true),
                    OrderText = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DrawnByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DrawnAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CurrentPosition = table.Column<int>(type: "int", nullable: true),
                    TimerStartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PresentationMinutes = table.Column<int>(type: "int", nullable: false),
                    ScoreRevealed = table.Column<bool>(type: "bit", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveSessions_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LiveSessions_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ScoringReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestStageId = table.Column<int>(type: "int", nullable: false),
                    JurorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    PendingScorecards = table.Column<int>(type: "int", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoringReminders_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ScoringReminders_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StageAssignments",
                columns: table => new
                {
                    ContestStageId = table.Column<int>(type: "int", nullable: false),
                    LastSeed = table.Column<int>(type: "int", nullable: true),
                    LastRunAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageAssignments", x => x.ContestStageId);
                    table.ForeignKey(
                        name: "FK_StageAssignments_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TemplateCriterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TemplateStageId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RubricMarkdown = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Weight = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemplateCriterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemplateCriterion_TemplateStage_TemplateStageId",
                        column: x => x.TemplateStageId,
                        principalTable: "TemplateStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BusinessProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    CategoryId = table.Column<int>(type: "int", nullable: false),
                    ProducerGroupId = table.Column<int>(type: "int", nullable: false),
                    PreviousPresentationId = table.Column<int>(type: "int", nullable: true),
                    Code = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1500)", maxLength: 1500, nullable: false),
                    BusinessAndProducts = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    MarketAndClients = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ProductionProcess = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    OrganizationAndRoles = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Sustainability = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Risks = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ExpectedSalesPerYear = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    ExpectedJobs = table.Column<int>(type: "int", nullable: true),
                    HouseholdsBenefiting = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EligibilityDecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EligibilityDecidedByUserId = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    EligibilityReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EligibilityChecklistJson = table.Column<string>(type: "nvarchar(max)", maxLength: 16000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessProfiles_BusinessProfiles_PreviousPresentationId",
                        column: x => x.PreviousPresentationId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessProfiles_ContestCategory_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ContestCategory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessProfiles_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessProfiles_ProducerGroups_ProducerGroupId",
                        column: x => x.ProducerGroupId,
                        principalTable: "ProducerGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConflictsOfInterest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    JurorUserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProducerGroupId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DeclaredByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByAdmin = table.Column<bool>(type: "bit", nullable: false),
                    DeclaredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictsOfInterest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictsOfInterest_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConflictsOfInterest_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConflictsOfInterest_ProducerGroups_ProducerGroupId",
                        column: x => x.ProducerGroupId,
                        principalTable: "ProducerGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProducerGroupId = table.Column<int>(type: "int", nullable: false),
                    HeadFullName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Dni = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Sex = table.Column<int>(type: "int", nullable: false),
                    BirthYear = table.Column<int>(type: "int", nullable: false),
                    IsJuntosUser = table.Column<bool>(type: "bit", nullable: false),
                    Role = table.Column<int>(type: "int", nullable: false),
                    IsJuntosVerified = table.Column<bool>(type: "bit", nullable: false),
                    RegistryProjectCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    RegistryCheckedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_ProducerGroups_ProducerGroupId",
                        column: x => x.ProducerGroupId,
                        principalTable: "ProducerGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JuntosEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegistryImportId = table.Column<int>(type: "int", nullable: false),
                    Dni = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Period = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuntosEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuntosEntries_RegistryImports_RegistryImportId",
                        column: x => x.RegistryImportId,
                        principalTable: "RegistryImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryHouseholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegistryImportId = table.Column<int>(type: "int", nullable: false),
                    RepresentativeDni = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    FullName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "int", nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CentroPoblado = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryHouseholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryHouseholds_RegistryImports_RegistryImportId",
                        column: x => x.RegistryImportId,
                        principalTable: "RegistryImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegistryImportId = table.Column<int>(type: "int", nullable: false),
                    Dni = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    HouseholdDni = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryPeople_RegistryImports_RegistryImportId",
                        column: x => x.RegistryImportId,
                        principalTable: "RegistryImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "int", nullable: false),
                    ProducerGroupId = table.Column<int>(type: "int", nullable: false),
                    PublicationVersion = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FiledByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AttachmentDisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AttachmentStorageName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AttachmentKind = table.Column<int>(type: "int", nullable: true),
                    AttachmentSizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    AttachmentSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    DecisionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CorrectedInVersion = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Appeals_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Appeals_ProducerGroups_ProducerGroupId",
                        column: x => x.ProducerGroupId,
                        principalTable: "ProducerGroups",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Awards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "int", nullable: false),
                    ProducerGroupId = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    PublicationVersion = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    AgreementSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreementFile_DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AgreementFile_StorageName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AgreementFile_Kind = table.Column<int>(type: "int", nullable: true),
                    AgreementFile_SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    AgreementFile_Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    AgreementRecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AgreementRecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CorrectionVersion = table.Column<int>(type: "int", nullable: true),
                    CorrectionAmount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    CorrectionFlaggedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CorrectionResolution = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CorrectionResolvedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CorrectionResolvedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosingNotes = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CancellationReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CancelledByCorrection = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Awards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Awards_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Awards_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Awards_ProducerGroups_ProducerGroupId",
                        column: x => x.ProducerGroupId,
                        principalTable: "ProducerGroups",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "IncompleteAcceptances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "int", nullable: false),
                    ContestStageId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AcceptedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncompleteAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncompleteAcceptances_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncompleteAcceptances_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_IncompleteAcceptances_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "InvestmentLine",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BusinessProfileId = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    UnitCost = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    FinancedBy = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestmentLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvestmentLine_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfileAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BusinessProfileId = table.Column<int>(type: "int", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StorageName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DocumentSlotId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileAttachments_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProfileAttachments_ContestDocumentSlots_DocumentSlotId",
                        column: x => x.DocumentSlotId,
                        principalTable: "ContestDocumentSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultsPublicationEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResultsPublicationId = table.Column<int>(type: "int", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "int", nullable: false),
                    ProfileCode = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    CategoryCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: true),
                    WaitlistPosition = table.Column<int>(type: "int", nullable: true),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    Award = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    EvaluationScore = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Bonus = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    FinalScore = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsPublicationEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultsPublicationEntries_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ResultsPublicationEntries_ResultsPublications_ResultsPublicationId",
                        column: x => x.ResultsPublicationId,
                        principalTable: "ResultsPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Scorecards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestStageId = table.Column<int>(type: "int", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "int", nullable: false),
                    JurorUserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    AssignedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ExcludedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ExclusionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    OverallComment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    EnteredByAdminUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PresentDnis = table.Column<string>(type: "nvarchar(270)", maxLength: 270, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scorecards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scorecards_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Scorecards_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Scorecards_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AwardTranches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AwardId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Trigger = table.Column<int>(type: "int", nullable: false),
                    RequiredAccountedPercent = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    HeldFromStatus = table.Column<int>(type: "int", nullable: true),
                    PaidAmount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    PaidOnLimaDate = table.Column<DateOnly>(type: "date", nullable: true),
                    BankReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Voucher_DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Voucher_StorageName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Voucher_Kind = table.Column<int>(type: "int", nullable: true),
                    Voucher_SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    Voucher_Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    PaidByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    HoldReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CancellationReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PaidAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    HeldAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardTranches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardTranches_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AwardVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AwardId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    DaysAfterFirstPayment = table.Column<int>(type: "int", nullable: false),
                    TechnicianUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ScheduledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MembersPresent = table.Column<int>(type: "int", nullable: true),
                    SalesToDate = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Jobs = table.Column<int>(type: "int", nullable: true),
                    Observations = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    Rating = table.Column<int>(type: "int", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ReviewComment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OverdueSinceUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardVisits_AspNetUsers_TechnicianUserId",
                        column: x => x.TechnicianUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_AwardVisits_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScorecardPoint",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ScorecardId = table.Column<int>(type: "int", nullable: false),
                    ContestCriterionId = table.Column<int>(type: "int", nullable: false),
                    Points = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardPoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScorecardPoint_ContestCriterion_ContestCriterionId",
                        column: x => x.ContestCriterionId,
                        principalTable: "ContestCriterion",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ScorecardPoint_Scorecards_ScorecardId",
                        column: x => x.ScorecardId,
                        principalTable: "Scorecards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Expenses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AwardId = table.Column<int>(type: "int", nullable: false),
                    AwardTrancheId = table.Column<int>(type: "int", nullable: false),
                    InvestmentLineId = table.Column<int>(type: "int", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Supplier = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DocumentType = table.Column<int>(type: "int", nullable: false),
                    DocumentNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Receipt_DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Receipt_StorageName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Receipt_Kind = table.Column<int>(type: "int", nullable: false),
                    Receipt_SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Receipt_Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    RejectionReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReviewedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DocumentKey = table.Column<string>(type: "nvarchar(248)", maxLength: 248, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Expenses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Expenses_AwardTranches_AwardTrancheId",
                        column: x => x.AwardTrancheId,
                        principalTable: "AwardTranches",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Expenses_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Expenses_InvestmentLine_InvestmentLineId",
                        column: x => x.InvestmentLineId,
                        principalTable: "InvestmentLine",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "VisitLineProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AwardVisitId = table.Column<int>(type: "int", nullable: false),
                    InvestmentLineId = table.Column<int>(type: "int", nullable: false),
                    ProgressPercent = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitLineProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitLineProgress_AwardVisits_AwardVisitId",
                        column: x => x.AwardVisitId,
                        principalTable: "AwardVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitLineProgress_InvestmentLine_InvestmentLineId",
                        column: x => x.InvestmentLineId,
                        principalTable: "InvestmentLine",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "VisitPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AwardVisitId = table.Column<int>(type: "int", nullable: false),
                    File_DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    File_StorageName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    File_Kind = table.Column<int>(type: "int", nullable: false),
                    File_SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    File_Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitPhotos_AwardVisits_AwardVisitId",
                        column: x => x.AwardVisitId,
                        principalTable: "AwardVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_BusinessProfileId",
                table: "Appeals",
                column: "BusinessProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ContestId_ProducerGroupId",
                table: "Appeals",
                columns: new[] { "ContestId", "ProducerGroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ProducerGroupId",
                table: "Appeals",
                column: "ProducerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true,
                filter: "[NormalizedName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_ContestId_OccurredAtUtc",
                table: "AuditLog",
                columns: new[] { "ContestId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_ProfileId_OccurredAtUtc",
                table: "AuditLog",
                columns: new[] { "ProfileId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Awards_BusinessProfileId",
                table: "Awards",
                column: "BusinessProfileId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Awards_ContestId_Status",
                table: "Awards",
                columns: new[] { "ContestId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Awards_ProducerGroupId",
                table: "Awards",
                column: "ProducerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardTranches_AwardId_Order",
                table: "AwardTranches",
                columns: new[] { "AwardId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardTranches_Status",
                table: "AwardTranches",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_AwardVisits_AwardId_Order",
                table: "AwardVisits",
                columns: new[] { "AwardId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardVisits_Status_ScheduledOn",
                table: "AwardVisits",
                columns: new[] { "Status", "ScheduledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardVisits_TechnicianUserId_Status",
                table: "AwardVisits",
                columns: new[] { "TechnicianUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_CategoryId",
                table: "BusinessProfiles",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_Code",
                table: "BusinessProfiles",
                column: "Code",
                unique: true,
                filter: "[Code] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_ContestId_ProducerGroupId",
                table: "BusinessProfiles",
                columns: new[] { "ContestId", "ProducerGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_ContestId_Status",
                table: "BusinessProfiles",
                columns: new[] { "ContestId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_PreviousPresentationId",
                table: "BusinessProfiles",
                column: "PreviousPresentationId",
                unique: true,
                filter: "[PreviousPresentationId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_ProducerGroupId",
                table: "BusinessProfiles",
                column: "ProducerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_CacheEntries_ExpiresAtUtc",
                table: "CacheEntries",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_ContestId_JurorUserId",
                table: "ConflictDeclarations",
                columns: new[] { "ContestId", "JurorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_JurorUserId",
                table: "ConflictDeclarations",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictsOfInterest_ContestId_JurorUserId_ProducerGroupId",
                table: "ConflictsOfInterest",
                columns: new[] { "ContestId", "JurorUserId", "ProducerGroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictsOfInterest_JurorUserId",
                table: "ConflictsOfInterest",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictsOfInterest_ProducerGroupId",
                table: "ConflictsOfInterest",
                column: "ProducerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestCategory_ContestId_Code",
                table: "ContestCategory",
                columns: new[] { "ContestId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestChecklistItem_ContestId",
                table: "ContestChecklistItem",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestCriterion_ContestStageId_Code",
                table: "ContestCriterion",
                columns: new[] { "ContestStageId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestDocumentSlots_ContestId",
                table: "ContestDocumentSlots",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestFollowUpVisits_ContestId",
                table: "ContestFollowUpVisits",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestPriorityRules_ContestId",
                table: "ContestPriorityRules",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestProductionLine_ProductionLineId",
                table: "ContestProductionLine",
                column: "ProductionLineId");

            migrationBuilder.CreateIndex(
                name: "IX_Contests_Code",
                table: "Contests",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contests_Status",
                table: "Contests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ContestStage_ContestId_Code",
                table: "ContestStage",
                columns: new[] { "ContestId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestTieBreakers_ContestId",
                table: "ContestTieBreakers",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestTranches_ContestId",
                table: "ContestTranches",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceSubmissions_ContestId_State",
                table: "DeviceSubmissions",
                columns: new[] { "ContestId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTemplates_Code",
                table: "EvaluationTemplates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_AwardId_DocumentKey",
                table: "Expenses",
                columns: new[] { "AwardId", "DocumentKey" },
                unique: true,
                filter: "[DocumentKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_AwardId_Status",
                table: "Expenses",
                columns: new[] { "AwardId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_AwardTrancheId",
                table: "Expenses",
                column: "AwardTrancheId");

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_InvestmentLineId",
                table: "Expenses",
                column: "InvestmentLineId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dni",
                table: "Households",
                column: "Dni");

            migrationBuilder.CreateIndex(
                name: "IX_Households_ProducerGroupId_Dni",
                table: "Households",
                columns: new[] { "ProducerGroupId", "Dni" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncompleteAcceptances_BusinessProfileId_ContestStageId",
                table: "IncompleteAcceptances",
                columns: new[] { "BusinessProfileId", "ContestStageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncompleteAcceptances_ContestId",
                table: "IncompleteAcceptances",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_IncompleteAcceptances_ContestStageId",
                table: "IncompleteAcceptances",
                column: "ContestStageId");

            migrationBuilder.CreateIndex(
                name: "IX_InvestmentLine_BusinessProfileId",
                table: "InvestmentLine",
                column: "BusinessProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_JuntosEntries_Dni",
                table: "JuntosEntries",
                column: "Dni");

            migrationBuilder.CreateIndex(
                name: "IX_JuntosEntries_RegistryImportId_Dni",
                table: "JuntosEntries",
                columns: new[] { "RegistryImportId", "Dni" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurorAppointments_ContestId_JurorUserId",
                table: "JurorAppointments",
                columns: new[] { "ContestId", "JurorUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_JurorAppointments_ContestStageId_JurorUserId",
                table: "JurorAppointments",
                columns: new[] { "ContestStageId", "JurorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurorAppointments_JurorUserId",
                table: "JurorAppointments",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JurorPseudonyms_ContestId_Number",
                table: "JurorPseudonyms",
                columns: new[] { "ContestId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurorPseudonyms_JurorUserId",
                table: "JurorPseudonyms",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveSessions_ContestId",
                table: "LiveSessions",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveSessions_ContestStageId",
                table: "LiveSessions",
                column: "ContestStageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DeduplicationKey",
                table: "OutboxMessages",
                column: "DeduplicationKey",
                unique: true,
                filter: "[DeduplicationKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAtUtc",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProducerGroups_ProductionLineId",
                table: "ProducerGroups",
                column: "ProductionLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ProducerGroups_RegisteredByUserId",
                table: "ProducerGroups",
                column: "RegisteredByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProducerGroups_RepresentativeUserId",
                table: "ProducerGroups",
                column: "RepresentativeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProducerGroups_VerifiedAtUtc",
                table: "ProducerGroups",
                column: "VerifiedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ProductionLines_Code",
                table: "ProductionLines",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAttachments_BusinessProfileId_DocumentSlotId",
                table: "ProfileAttachments",
                columns: new[] { "BusinessProfileId", "DocumentSlotId" },
                unique: true,
                filter: "[DocumentSlotId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAttachments_DocumentSlotId",
                table: "ProfileAttachments",
                column: "DocumentSlotId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAttachments_StorageName",
                table: "ProfileAttachments",
                column: "StorageName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryHouseholds_RegistryImportId_RepresentativeDni",
                table: "RegistryHouseholds",
                columns: new[] { "RegistryImportId", "RepresentativeDni" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryImports_Kind_IsCurrent",
                table: "RegistryImports",
                columns: new[] { "Kind", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryImports_Kind_RegistryProjectId_Version",
                table: "RegistryImports",
                columns: new[] { "Kind", "RegistryProjectId", "Version" },
                unique: true,
                filter: "[RegistryProjectId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryImports_RegistryProjectId",
                table: "RegistryImports",
                column: "RegistryProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryPeople_Dni",
                table: "RegistryPeople",
                column: "Dni");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryPeople_RegistryImportId_Dni",
                table: "RegistryPeople",
                columns: new[] { "RegistryImportId", "Dni" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryProjectDistrict_DistrictCode",
                table: "RegistryProjectDistrict",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryProjectDistrict_RegistryProjectId_DistrictCode",
                table: "RegistryProjectDistrict",
                columns: new[] { "RegistryProjectId", "DistrictCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryProjects_Code",
                table: "RegistryProjects",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RelayedEvents_CreatedAtUtc",
                table: "RelayedEvents",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPublicationEntries_BusinessProfileId",
                table: "ResultsPublicationEntries",
                column: "BusinessProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPublicationEntries_ResultsPublicationId_BusinessProfileId",
                table: "ResultsPublicationEntries",
                columns: new[] { "ResultsPublicationId", "BusinessProfileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPublications_ContestId_Version",
                table: "ResultsPublications",
                columns: new[] { "ContestId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardPoint_ContestCriterionId",
                table: "ScorecardPoint",
                column: "ContestCriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardPoint_ScorecardId_ContestCriterionId",
                table: "ScorecardPoint",
                columns: new[] { "ScorecardId", "ContestCriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_BusinessProfileId",
                table: "Scorecards",
                column: "BusinessProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_ContestStageId_BusinessProfileId_JurorUserId",
                table: "Scorecards",
                columns: new[] { "ContestStageId", "BusinessProfileId", "JurorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_JurorUserId",
                table: "Scorecards",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoringReminders_ContestStageId_JurorUserId_Kind",
                table: "ScoringReminders",
                columns: new[] { "ContestStageId", "JurorUserId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoringReminders_JurorUserId",
                table: "ScoringReminders",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ShortLinks_Code",
                table: "ShortLinks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffScopeAreas_UserId_Code",
                table: "StaffScopeAreas",
                columns: new[] { "UserId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TemplateCriterion_TemplateStageId",
                table: "TemplateCriterion",
                column: "TemplateStageId");

            migrationBuilder.CreateIndex(
                name: "IX_TemplateStage_EvaluationTemplateId",
                table: "TemplateStage",
                column: "EvaluationTemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitLineProgress_AwardVisitId_InvestmentLineId",
                table: "VisitLineProgress",
                columns: new[] { "AwardVisitId", "InvestmentLineId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitLineProgress_InvestmentLineId",
                table: "VisitLineProgress",
                column: "InvestmentLineId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitPhotos_AwardVisitId",
                table: "VisitPhotos",
                column: "AwardVisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "CacheEntries");

            migrationBuilder.DropTable(
                name: "ConflictDeclarations");

            migrationBuilder.DropTable(
                name: "ConflictsOfInterest");

            migrationBuilder.DropTable(
                name: "ContestChecklistItem");

            migrationBuilder.DropTable(
                name: "ContestFollowUpVisits");

            migrationBuilder.DropTable(
                name: "ContestInvestmentCap");

            migrationBuilder.DropTable(
                name: "ContestPriorityRules");

            migrationBuilder.DropTable(
                name: "ContestProductionLine");

            migrationBuilder.DropTable(
                name: "ContestTieBreakers");

            migrationBuilder.DropTable(
                name: "ContestTranches");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DeviceSubmissions");

            migrationBuilder.DropTable(
                name: "Districts");

            migrationBuilder.DropTable(
                name: "Expenses");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "IncompleteAcceptances");

            migrationBuilder.DropTable(
                name: "JuntosEntries");

            migrationBuilder.DropTable(
                name: "JurorAppointments");

            migrationBuilder.DropTable(
                name: "JurorPseudonyms");

            migrationBuilder.DropTable(
                name: "LiveSessions");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ProfileAttachments");

            migrationBuilder.DropTable(
                name: "Provinces");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropTable(
                name: "RegistryHouseholds");

            migrationBuilder.DropTable(
                name: "RegistryPeople");

            migrationBuilder.DropTable(
                name: "RegistryProjectDistrict");

            migrationBuilder.DropTable(
                name: "RelayedEvents");

            migrationBuilder.DropTable(
                name: "ResultsPublicationEntries");

            migrationBuilder.DropTable(
                name: "ScorecardPoint");

            migrationBuilder.DropTable(
                name: "ScoringReminders");

            migrationBuilder.DropTable(
                name: "ShortLinks");

            migrationBuilder.DropTable(
                name: "StaffScopeAreas");

            migrationBuilder.DropTable(
                name: "StageAssignments");

            migrationBuilder.DropTable(
                name: "TemplateCriterion");

            migrationBuilder.DropTable(
                name: "VisitLineProgress");

            migrationBuilder.DropTable(
                name: "VisitPhotos");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AwardTranches");

            migrationBuilder.DropTable(
                name: "ContestDocumentSlots");

            migrationBuilder.DropTable(
                name: "RegistryImports");

            migrationBuilder.DropTable(
                name: "ResultsPublications");

            migrationBuilder.DropTable(
                name: "ContestCriterion");

            migrationBuilder.DropTable(
                name: "Scorecards");

            migrationBuilder.DropTable(
                name: "TemplateStage");

            migrationBuilder.DropTable(
                name: "InvestmentLine");

            migrationBuilder.DropTable(
                name: "AwardVisits");

            migrationBuilder.DropTable(
                name: "RegistryProjects");

            migrationBuilder.DropTable(
                name: "ContestStage");

            migrationBuilder.DropTable(
                name: "EvaluationTemplates");

            migrationBuilder.DropTable(
                name: "Awards");

            migrationBuilder.DropTable(
                name: "BusinessProfiles");

            migrationBuilder.DropTable(
                name: "ContestCategory");

            migrationBuilder.DropTable(
                name: "ProducerGroups");

            migrationBuilder.DropTable(
                name: "Contests");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ProductionLines");
        }
    }
}
