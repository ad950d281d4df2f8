using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Application.Queries;

/// <summary>A validated directory search: whose directory, what to look for, which language to show, which page.</summary>
public sealed record DirectoryFilter(
    string Tenant, string? Q, string? Topic, string? Language, string? Municipality, TargetGroup? TargetGroup, string Lang,
    int Page, int PageSize);
