using System.Reflection;

namespace Frontdesk.DevHost.Hosting;

/// <summary>A declared function and the method that runs it.</summary>
public sealed record FunctionEntry(FunctionDefinition Definition, MethodInfo Method);
