namespace Frontdesk.Core.Rules;

/// <summary>
/// One row of the <c>Templates</c> table, compiled: the approved Meta template a business-initiated message of
/// <see cref="Purpose"/> sends outside the customer's 24-hour window, and where each parameter's value comes from.
/// </summary>
public sealed record MessageTemplate(
    string Purpose,
    string Name,
    string Language,
    TemplateCategory Category,
    IReadOnlyList<TemplateVariable> BodyParameters)
{
    /// <summary>The template's header is an image: the product's image link.</summary>
    public bool HeaderImageIsProduct { get; init; }

    /// <summary>The dynamic part of the first URL button: a literal, or one variable.</summary>
    public TemplateValue? ButtonUrlSuffix { get; init; }

    /// <summary>Where the row came from (the number's partition or <c>default</c>), for logs and <c>validate</c>.</summary>
    public string PartitionKey { get; init; } = Identifiers.PhoneNumberId.DefaultPartition;
}

/// <summary>Meta's template categories Frontdesk sends: utility (an alert the customer asked for) and marketing.</summary>
public enum TemplateCategory
{
    Utility,
    Marketing,
}

/// <summary>
/// A <c>{{variable}}</c> of a template row. Frontdesk fills <c>name</c> (the contact's profile name), <c>product</c>,
/// <c>price</c> and <c>sku</c>; <c>{{param.x}}</c> is the value the sender passes as <c>x</c> (a broadcast's parameters).
/// </summary>
public sealed record TemplateVariable(string Key)
{
    public const string Name = "name";
    public const string Product = "product";
    public const string Price = "price";
    public const string Sku = "sku";

    /// <summary>The prefix of a caller-supplied variable: <c>{{param.offer}}</c> reads the value passed as <c>offer</c>.</summary>
    public const string ParameterPrefix = "param.";

    /// <summary>The variables Frontdesk knows without a prefix.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Name, Product, Price, Sku];

    public override string ToString() => "{{" + (BuiltIn.Contains(Key) ? Key : ParameterPrefix + Key) + "}}";
}

/// <summary>A literal text, or the value of one <see cref="TemplateVariable"/>.</summary>
public sealed record TemplateValue(string? Literal, TemplateVariable? Variable);
