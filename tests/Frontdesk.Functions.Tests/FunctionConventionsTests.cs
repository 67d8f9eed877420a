using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.Functions.Tests;

/// <summary>
/// One shape for every function (docs/conventions.md): a sealed class, one method named Run. The one exception,
/// ConsolePageFunctions, serves the console's three static files (page, script, styles), one method each.
/// </summary>
public sealed class FunctionConventionsTests
{
    private static List<MethodInfo> FunctionMethods() =>
        [.. typeof(FunctionsRegistration).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)];

    [Fact]
    public void FunctionMethods_AreNamedRun()
    {
        var methods = FunctionMethods();

        Assert.True(methods.Count >= 8, $"Expected every function, found {methods.Count}.");
        Assert.All(methods.Where(m => m.DeclaringType != typeof(PhoneConsole.ConsolePageFunctions)), m =>
            Assert.True(m.Name == "Run", $"{m.DeclaringType!.Name}.{m.Name} should be named Run."));
    }

    [Fact]
    public void FunctionClasses_AreSealed()
    {
        Assert.All(FunctionMethods(), m => Assert.True(m.DeclaringType!.IsSealed, $"{m.DeclaringType.Name} should be sealed."));
    }
}
