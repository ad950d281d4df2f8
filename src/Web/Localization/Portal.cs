namespace KimPlatform.Web.Localization;

/// <summary>The portal's texts (<c>Portal.resx</c>, German, and one file per other language).</summary>
public sealed class Portal;

/// <summary>The workspace's texts (<c>Workspace.resx</c>, German, and <c>Workspace.en.resx</c>).</summary>
public sealed class Workspace;
