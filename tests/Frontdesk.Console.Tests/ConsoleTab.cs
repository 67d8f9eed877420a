using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Frontdesk.Console.Tests;

/// <summary>One browser tab on the console, found the way a person (or a screen reader) finds things: by role and name.</summary>
public sealed class ConsoleTab(IPage page) : IAsyncDisposable
{
    static ConsoleTab() => SetDefaultExpectTimeout(30_000);

    public IPage Page { get; } = page;

    public List<string> Errors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public ILocator Conversation => Page.GetByRole(AriaRole.Log);

    public ILocator Why => Page.GetByRole(AriaRole.Region, new() { Name = "Why", Exact = true });

    public ILocator MessageBox => Page.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });

    public ILocator Sheet => Page.GetByRole(AriaRole.Dialog);

    public ILocator Replies => Conversation.Locator("article.out");

    /// <summary>Types into the message box and presses Send, then waits for the message to show in the conversation.</summary>
    public async Task SayAsync(string text)
    {
        var before = await Conversation.Locator("article.in").CountAsync();
        await MessageBox.FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(Conversation.Locator("article.in")).ToHaveCountAsync(before + 1);
    }

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The test contact this tab speaks for (digits, without the +).</summary>
    public async Task<string> WaIdAsync() => (await Page.Locator("#wa-id").TextContentAsync() ?? "").TrimStart('+');

    /// <summary>Saves a screenshot next to the test assembly (copied to docs/images by hand when the page changes).</summary>
    public async Task ScreenshotAsync(string name, bool fullPage = false)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
