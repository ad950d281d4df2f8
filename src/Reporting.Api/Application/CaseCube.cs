using KimPlatform.Reporting.Api.Application.Suppression;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// What goes into a tenant-year's case cube (<see cref="FigureReader.CaseYearAsync"/>): the stock families (the first
/// owns the open-cases total), the flow families, and the two flows that move the open cases, new and closed.
/// </summary>
public sealed record CaseCube(FigureFamily[] Stocks, FigureFamily[] Flows, FigureFamily New, FigureFamily Closed);
