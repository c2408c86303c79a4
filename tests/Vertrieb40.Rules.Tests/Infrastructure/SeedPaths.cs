namespace Vertrieb40.Rules.Tests.Infrastructure;

/// <summary>Finds the repository's seeds/ folder from the test output directory.</summary>
public static class SeedPaths
{
    public static string Root { get; } = FindRoot();
    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Classic => Path.Combine(Seeds, "classic-sales-org.json");
    public static string Clean => Path.Combine(Seeds, "vertrieb40-org.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Vertrieb40.Rules.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Vertrieb40.Rules.sln) above " + AppContext.BaseDirectory);
    }
}
