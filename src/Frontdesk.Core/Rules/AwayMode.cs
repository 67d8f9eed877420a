namespace Frontdesk.Core.Rules;

/// <summary>When the away message applies (Settings column <c>AwayMode</c>).</summary>
public enum AwayMode
{
    OutsideHours,
    Always,
    Off,
}
