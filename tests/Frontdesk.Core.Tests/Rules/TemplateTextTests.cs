using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Tests.Rules;

public sealed class TemplateTextTests
{
    [Theory]
    [InlineData("Hello {{name}}, welcome!", "Zoé", "Hello Zoé, welcome!")]
    [InlineData("Hello {{name}}, welcome!", "", "Hello, welcome!")]
    [InlineData("Hello {{ NAME }}!", "", "Hello!")]
    [InlineData("{{name}} hello", "", "hello")]
    [InlineData("We open {{next_open}}. {{hours_note}}", "", "We open Monday 08:00.")]
    [InlineData("Price: {{unknown}}", "x", "Price: {{unknown}}")]
    public void Render_FillsVariablesWithoutStrayGaps(string text, string empty, string expected)
    {
        var values = new Dictionary<string, string> { ["name"] = empty, ["next_open"] = "Monday 08:00", ["hours_note"] = empty };

        Assert.Equal(expected, TemplateText.Render(text, values, 4096));
    }

    [Fact]
    public void Render_LongerThanTheLimit_IsCutToIt()
    {
        var rendered = TemplateText.Render("Hi {{name}}", new Dictionary<string, string> { ["name"] = new string('x', 50) }, 20);

        Assert.Equal(20, rendered.Length);
    }
}
