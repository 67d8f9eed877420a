using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.DevHost.Hosting;

/// <summary>
/// Calls a function method the way the isolated worker does: a new instance of its class from DI per invocation,
/// the trigger's value for the trigger parameter, the invocation's cancellation token, and the awaited result.
/// </summary>
public static class FunctionInvoker
{
    /// <summary>Fails at start-up, as Azure would at indexing, when a parameter is something DevHost cannot supply.</summary>
    public static void EnsureSupported(FunctionEntry function, Func<ParameterInfo, bool> isTrigger, IReadOnlySet<string> bindingData)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(isTrigger);
        ArgumentNullException.ThrowIfNull(bindingData);
        foreach (var parameter in function.Method.GetParameters())
        {
            var supported = isTrigger(parameter)
                || parameter.ParameterType == typeof(CancellationToken)
                || bindingData.Contains(parameter.Name ?? "");
            if (!supported)
            {
                throw new NotSupportedException(
                    $"Function '{function.Definition.Name}': DevHost cannot supply parameter '{parameter.Name}' ({parameter.ParameterType.Name}). " +
                    "Take the trigger value, a CancellationToken and trigger metadata only; get services through the constructor.");
            }
        }

        foreach (var output in function.Definition.Bindings.Where(b => b.Direction.Equals("Out", StringComparison.OrdinalIgnoreCase)))
        {
            // Frontdesk enqueues through its own senders (one code path for both hosts), so only HTTP results go out.
            if (output is not { Name: "$return", Type: "http" })
            {
                throw new NotSupportedException($"Function '{function.Definition.Name}': DevHost supports only an http return binding, not '{output.Type}' on '{output.Name}'.");
            }
        }
    }

    public static async Task<object?> InvokeAsync(
        FunctionEntry function,
        IServiceProvider services,
        Func<ParameterInfo, object?> bindParameter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bindParameter);
        var method = function.Method;
        var target = method.IsStatic ? null : Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var arguments = method.GetParameters()
                .Select(p => p.ParameterType == typeof(CancellationToken) ? cancellationToken : bindParameter(p))
                .ToArray();
            object? returned;
            try
            {
                returned = method.Invoke(target, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }

            return await UnwrapAsync(returned).ConfigureAwait(false);
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(false);
                var type = task.GetType();
                return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult"
                    ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            case not null when returned.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)t.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                return await UnwrapAsync(asTask).ConfigureAwait(false);
            default:
                return returned;
        }
    }

    /// <summary>True when the parameter carries the given trigger attribute (e.g. <see cref="QueueTriggerAttribute"/>).</summary>
    public static bool Has<TAttribute>(ParameterInfo parameter)
        where TAttribute : Attribute => parameter?.GetCustomAttribute<TAttribute>() is not null;
}
