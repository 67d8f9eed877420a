using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Frontdesk.Core.Tests.Catalogue;

public sealed class CatalogueSearchProperties
{
    private static readonly StopWords s_stopWords = StopWords.For("fr-FR");

    /// <summary>Words of 1–10 letters, some accented, none a stop word (those are meant never to match).</summary>
    private static readonly Gen<string> s_word = Gen.Elements("abcdefghijklmnopqrstuvwxyzéèàçôü".ToCharArray())
        .ArrayOf()
        .Where(letters => letters.Length is >= 1 and <= 10)
        .Select(letters => new string(letters))
        .Where(word => !s_stopWords.Contains(TextNormaliser.Fold(word)) && !s_stopWords.Contains(TextNormaliser.Stem(TextNormaliser.Fold(word))));

    [Property(MaxTest = 300)]
    public Property AnyTitle_IsFoundByItsOwnWordsInAnyOrder() =>
        Prop.ForAll(
            Arb.From(s_word.ArrayOf().Where(words => words.Length is >= 1 and <= 5).SelectMany(
                words => Gen.Shuffle(words).Select(shuffled => (Title: words, Query: shuffled)))),
            pair =>
            {
                var product = TestCatalogues.Make("GEN-1", string.Join(' ', pair.Title).ToUpperInvariant(), "Générés");
                var index = CatalogueIndex.Build([.. TestCatalogues.FrenchProducts, product]);

                var result = index.Search(string.Join(' ', pair.Query), s_stopWords, CatalogueSearchMode.Browse, 30);

                return result.Hits.Any(hit => hit.Sku == "GEN-1");
            });

    [Property(MaxTest = 300)]
    public Property AnyWord_WithOneTypo_FindsItsProductWhenFiveLettersOrMore() =>
        Prop.ForAll(
            Arb.From(s_word.Where(word => word.Length >= 6 && word.All(char.IsAsciiLetterLower)).SelectMany(
                word => Gen.Choose(1, word.Length - 2).Select(position => (Word: word, Typo: word.Remove(position, 1))))),
            pair =>
            {
                var product = TestCatalogues.Make("GEN-1", pair.Word, "Générés");
                var index = CatalogueIndex.Build([.. TestCatalogues.FrenchProducts, product]);

                var result = index.Search(pair.Typo, s_stopWords, CatalogueSearchMode.Browse, 30);

                return result.Hits.Any(hit => hit.Sku == "GEN-1");
            });
}
