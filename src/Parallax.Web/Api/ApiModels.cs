using Parallax.Engine;
using Parallax.Storage;

namespace Parallax.Web.Api;

// The shapes of the API's answers (written in snake_case). The brief of a story is the brief JSON of the README.

public sealed record StoryList(int Total, int Limit, int Offset, IReadOnlyList<StoryRow> Stories);

public sealed record ArticleList(long Total, int Limit, int Offset, IReadOnlyList<ArticleSummary> Articles);

public sealed record EntityList(int Limit, int Offset, bool More, IReadOnlyList<EntitySummary> Entities);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits);

public sealed record TextSpan(int Start, int End);

/// <summary>An article with its original text, where its body is in that text, and its annotation layers (offsets into the original text).</summary>
public sealed record ArticleDetail(
    long Id,
    string Title,
    string? Source,
    string Outlet,
    string? Url,
    DateTimeOffset? Published,
    IReadOnlyList<string> Authors,
    string? Language,
    string Format,
    long? CopyOf,
    double? CopySimilarity,
    long? Story,
    string Text,
    string Body,
    IReadOnlyList<TextSpan> Paragraphs,
    IReadOnlyList<AnnotatedSpan> Excluded,
    IReadOnlyList<AnnotatedSpan> Sentences,
    IReadOnlyList<AnnotatedEntity> Entities,
    IReadOnlyList<AnnotatedQuote> Quotes,
    IReadOnlyList<AnnotatedDate> Dates,
    IReadOnlyList<AnnotatedNumber> Numbers,
    string Pipeline)
{
    public static ArticleDetail From(AnnotatedArticle a)
    {
        var article = a.Article;
        var v = a.View;
        return new ArticleDetail(
            article.Id,
            article.Title,
            article.Source,
            article.Outlet,
            article.Url,
            article.Published,
            article.Authors,
            article.Language,
            article.Format,
            article.CopyOf,
            article.CopySimilarity,
            a.StoryId,
            article.Text,
            article.Body,
            a.Document.BodyParagraphs.Select(p => new TextSpan(p.Start, p.End)).ToList(),
            v.Excluded,
            v.Sentences,
            v.Entities,
            v.Quotes,
            v.Dates,
            v.Numbers,
            v.Pipeline);
    }
}

/// <summary>What happened to one uploaded input (or one record of it).</summary>
/// <param name="Outcome">stored, copy, duplicate or failed.</param>
public sealed record IngestResult(string Input, string Outcome, long? Id, long? CopyOf, long? Story, string? Title, string? Code, string? Reason);

public sealed record IngestResponse(int Stored, int Copies, int Duplicates, int Failed, IReadOnlyList<long> Articles, IReadOnlyList<IngestResult> Results, double Seconds);
