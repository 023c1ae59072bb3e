using Parallax.Core;
using Parallax.Storage;

namespace Parallax.Engine;

/// <summary>A stored article with its annotations (from the store when current, else made now) and its story.</summary>
public sealed record AnnotatedArticle(Article Article, Document Document, AnnotationView View, long? StoryId);

public sealed partial class ParallaxEngine
{
    /// <summary>Stories matching the query (text, entity, outlet, date range), one page of them and the total.</summary>
    public StoryMatches FindStories(StoryQuery query, int limit = 50, int offset = 0) => Store.FindStories(query, limit, offset);

    /// <summary>The outlets of the stored articles, most articles first.</summary>
    public IReadOnlyList<string> ListOutlets(int limit = 500) => Store.ListOutlets(limit);

    /// <summary>One article with its annotation layers (entities, roles, quotes, dates, numbers, sentences), or null.</summary>
    public AnnotatedArticle? GetAnnotatedArticle(long id, CancellationToken cancellationToken = default)
    {
        if (Store.GetArticle(id) is not { } article)
        {
            return null;
        }

        var doc = Annotate(article, cancellationToken);
        var view = Annotation.View(doc, article.Origin, article.Title, article.Source, article.Published, article.Language, AnalysisPipeline.Signature);
        var story = Store.StoryOfArticle(id) is long s ? Store.ResolveStory(s) : null;
        return new AnnotatedArticle(article, doc, view, story);
    }
}
