namespace KimPlatform.Web.Localization;

/// <summary>The case service's values offered in the workspace's choices; their labels are in Workspace.resx.</summary>
public static class CaseVocabulary
{
    public static readonly string[] ResidenceStatuses =
        ["asylum-seeker", "duldung", "temporary-protection", "recognised-refugee", "eu-citizen", "other-residence-title", "naturalised"];

    public static readonly string[] TargetGroups = ["youth", "young-adults", "women", "families", "seniors", "newly-arrived", "people-with-disabilities"];

    public static readonly string[] Reachabilities = ["good", "medium", "low"];

    public static readonly string[] LifeAreas = ["residence", "work", "language", "housing", "health", "education", "family", "other"];

    public static readonly string[] Channels = ["in-person", "phone", "video", "email", "messenger", "home-visit", "other"];

    public static readonly string[] DataCategories = ["identity", "residence-status", "languages", "household", "needs", "goals", "note", "event-registrations"];

    public static readonly string[] GoalStatuses = ["open", "achieved", "dropped"];

    public static readonly string[] CloseReasons = ["goals-achieved", "moved-away", "no-longer-reachable", "handed-over", "person-declined", "other"];

    public static readonly string[] CloseOutcomes = ["achieved", "partially-achieved", "not-achieved"];
}
