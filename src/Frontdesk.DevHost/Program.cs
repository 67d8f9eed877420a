using Frontdesk.DevHost;
using Frontdesk.DevHost.Commands;
using Microsoft.Extensions.Options;

// DevHost: runs Frontdesk.Functions' own function classes locally, where Azure Functions Core Tools are missing.
if (args.FirstOrDefault() == ImportCatalogueCommand.Name)
{
    return await ImportCatalogueCommand.RunAsync(args, CancellationToken.None).ConfigureAwait(false);
}

try
{
    await using var app = await DevHostApplication.CreateAsync(args).ConfigureAwait(false);
    await app.StartAsync().ConfigureAwait(false);

    // Straight to the terminal, not the log pipeline: the local key in it must not travel with the logs.
    if (DevHostApplication.ConsoleUrl(app) is { } consoleUrl)
    {
        await Console.Out.WriteLineAsync($"{Environment.NewLine}  Phone console (talk to your rules as a customer): {consoleUrl}{Environment.NewLine}").ConfigureAwait(false);
    }

    await app.WaitForShutdownAsync().ConfigureAwait(false);
    return 0;
}
catch (OptionsValidationException e)
{
    await Console.Error.WriteLineAsync("Frontdesk cannot start: " + string.Join(" ", e.Failures)).ConfigureAwait(false);
    return 1;
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync("Frontdesk cannot start: " + e.Message).ConfigureAwait(false);
    return 1;
}
