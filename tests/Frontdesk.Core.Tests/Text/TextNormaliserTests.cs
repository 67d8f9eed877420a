using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Text;

namespace Frontdesk.Core.Tests.Text;

/// <summary>
/// Pins how Frontdesk reads text, for keyword rules and the catalogue alike: the same words on both sides, whatever
/// symbols, fractions, emoji, apostrophes, digits or accents the text holds.
/// </summary>
public sealed class TextNormaliserTests
{
    [Theory]
    [InlineData("Avez-vous des Œufs, l'Éclair CRÈME? Straße", "avez vous des oeufs l eclair creme strasse")]
    [InlineData("Nike™", "nike")]
    [InlineData("Nike™ Air", "nike air")]
    [InlineData("Frontdesk® ©2024", "frontdesk 2024")]
    [InlineData("½ baguette", "1 2 baguette")]
    [InlineData("1/2 baguette", "1 2 baguette")]
    [InlineData("1½ baguette", "1 1 2 baguette")]
    [InlineData("¾ tarte", "3 4 tarte")]
    [InlineData("20 m²", "20 m2")]
    [InlineData("🥐 croissant", "croissant")]
    [InlineData("croissant🥐🥐 svp", "croissant svp")]
    [InlineData("👍🏽 merci ❤️", "merci")]
    [InlineData("l'eau", "l eau")]
    [InlineData("l’eau", "l eau")]
    [InlineData("don't", "don t")]
    [InlineData("don’t", "don t")]
    [InlineData("12h30", "12h30")]
    [InlineData("3,50 €", "3 50")]
    [InlineData("SKU-000123", "sku 000123")]
    [InlineData("１２ ｃｒｏｉｓｓａｎｔｓ", "12 croissants")]
    [InlineData("Crème brûlée", "creme brulee")]
    [InlineData("Cre\u0300me", "creme")]
    [InlineData("ﬁnancier", "financier")]
    [InlineData("Smørrebrød Łódź", "smorrebrod lodz")]
    [InlineData("  Stop ! ", "stop")]
    [InlineData("ARRÊT", "arret")]
    [InlineData("", "")]
    [InlineData("™ ® © 🥐 !?", "")]
    public void Words_SplitOnSymbolsEmojiAndApostrophes_FoldEverythingElse(string text, string words)
    {
        Assert.Equal(words, TextNormaliser.Collapse(text));
    }

    [Fact]
    public void Words_KnowWhereEachWordSitsInTheOriginal()
    {
        var words = TextNormaliser.Words("Nike™ 🥐 l’Éclair ½");

        Assert.Equal(
            [new(0, 4, "nike"), new(9, 1, "l"), new(11, 6, "eclair"), new(18, 1, "1"), new(18, 1, "2")],
            words);
    }

    [Theory]
    [InlineData("Nike™", "niketm")]
    [InlineData("Crème BRÛLÉE", "creme brulee")]
    [InlineData("Œuf", "oeuf")]
    public void Fold_KeepsEveryCharacterFolded(string text, string folded)
    {
        Assert.Equal(folded, TextNormaliser.Fold(text));
    }

    [Theory]
    [InlineData("croissants", "croissant")]
    [InlineData("croissant", "croissant")]
    [InlineData("gâteaux", "gateau")]
    [InlineData("gateau", "gateau")]
    [InlineData("brioches", "brioch")]
    [InlineData("brioche", "brioch")]
    [InlineData("berries", "berri")]
    [InlineData("berry", "berri")]
    [InlineData("boxes", "box")]
    [InlineData("box", "box")]
    [InlineData("choux", "chou")]
    [InlineData("glass", "glass")]
    [InlineData("des", "des")]
    [InlineData("2024", "2024")]
    [InlineData("100g", "100g")]
    public void Stem_PluralsAndSingularsMeet(string word, string stem)
    {
        Assert.Equal(stem, TextNormaliser.Stem(TextNormaliser.Fold(word)));
    }

    [Theory]
    [InlineData("nike", "Nike™ Air Max")]
    [InlineData("baguette", "½ baguette")]
    [InlineData("1 2 baguette", "½ baguette svp")]
    [InlineData("eau", "de l’eau gazeuse")]
    [InlineData("don't", "I don’t know")]
    [InlineData("croissant", "🥐croissant🥐")]
    public void KeywordRules_AndTheCatalogue_ReadTheSameWords(string keyword, string message)
    {
        var rule = KeywordMatcher.Create(MatchMode.Word, keyword, out _);
        var product = new Product { Sku = "P-1", Title = message, Price = 1m, Currency = "EUR", InStock = true };
        var index = CatalogueIndex.Build([product]);

        Assert.True(rule.Match(message).Matched);
        Assert.Equal(1, index.Search(keyword, StopWords.English, CatalogueSearchMode.Browse, 5).Total);
    }

    /// <summary>Any text, including emoji, symbols and lone surrogates.</summary>
    private static readonly Gen<string> s_text = Gen.Elements(
            "a", "Z", "é", "E\u0301", "œ", "ß", "1", "٣", "½", "²", "™", "®", "©", "€", "'", "’", " ", "-", ",", "🥐",
            "👍🏽", "\u200D", "\uFE0F", "\uD800", "ｃ", "ﬁ", "Ł", "\t", "漢")
        .ArrayOf()
        .Select(pieces => string.Concat(pieces));

    [Property(MaxTest = 500)]
    public Property Words_AreNonEmptyFoldedLettersAndDigits() =>
        Prop.ForAll(Arb.From(s_text), text => TextNormaliser.Words(text).All(word =>
            word.Normalized.Length > 0
            && word.Normalized.All(char.IsLetterOrDigit)
            && word.Normalized == TextNormaliser.Fold(word.Normalized)));

    [Property(MaxTest = 500)]
    public Property Words_AreStable_WhenReadAgain() =>
        Prop.ForAll(Arb.From(s_text), text =>
        {
            var once = TextNormaliser.Collapse(text);
            return TextNormaliser.Collapse(once) == once;
        });

    [Property(MaxTest = 500)]
    public Property Words_IgnoreCase() =>
        Prop.ForAll(Arb.From(s_text), text =>
            TextNormaliser.Collapse(text.ToUpperInvariant()) == TextNormaliser.Collapse(text.ToLowerInvariant()));

    [Property(MaxTest = 500)]
    public Property Words_PointIntoTheOriginal_InOrder() =>
        Prop.ForAll(Arb.From(s_text), text =>
        {
            var words = TextNormaliser.Words(text);
            return words.All(word => word.Start >= 0 && word.Length > 0 && word.Start + word.Length <= text.Length)
                && words.Zip(words.Skip(1)).All(pair => pair.First.Start <= pair.Second.Start);
        });
}
