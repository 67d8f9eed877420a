namespace Frontdesk.Core.WhatsApp.Graph.Wire;

/// <summary>
/// A template send's <c>template</c> object: <c>{"name":…,"language":{"code":…},"components":[…]}</c>, components left
/// out when the template takes no parameters.
/// </summary>
internal sealed record GraphTemplate(string Name, GraphLanguage Language, IReadOnlyList<GraphTemplateComponent>? Components);

internal sealed record GraphLanguage(string Code);

/// <summary>One of <c>header</c>, <c>body</c> or <c>button</c> (with <c>sub_type</c> <c>url</c> and <c>index</c> "0").</summary>
internal sealed record GraphTemplateComponent
{
    public required string Type { get; init; }

    public string? SubType { get; init; }

    public string? Index { get; init; }

    public required IReadOnlyList<GraphTemplateParameter> Parameters { get; init; }
}

/// <summary>A <c>text</c> parameter or an <c>image</c> one (by link).</summary>
internal sealed record GraphTemplateParameter
{
    public required string Type { get; init; }

    public string? Text { get; init; }

    public GraphMediaLink? Image { get; init; }
}

internal sealed record GraphMediaLink(string Link);
