namespace Frontdesk.Core.Catalogue;

/// <summary>A catalogue feed over <see cref="Limits.InputLimits.CatalogueRows"/>: refused whole, before anything is written.</summary>
public sealed class CatalogueTooLargeException : Exception
{
    public CatalogueTooLargeException()
    {
    }

    public CatalogueTooLargeException(string message)
        : base(message)
    {
    }

    public CatalogueTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
