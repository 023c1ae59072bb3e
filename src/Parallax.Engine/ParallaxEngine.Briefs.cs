using System.Globalization;
using Parallax.Core;
using Parallax.Nlp.Gazetteers;
using Parallax.Stories.Alignment;
using Parallax.Stories.Briefs;
using Parallax.Stories.Claims;
using Parallax.Stories.Entities;

namespace Parallax.Engine;

public sealed partial class ParallaxEngine
{
    private static readonly Lazy<Func<string, PlaceInfo?>> LazyPlaces = new(() => PlacesFrom(Gazetteer.Default));

    /// <summary>Gazetteer lookups as the entity resolver wants them: country names, capitals, demonyms.</summary>
    public static Func<string, PlaceInfo?> Places => LazyPlaces.Value;

    private static Func<string, PlaceInfo?> PlacesFrom(Gazetteer gazetteer) => name =>
    {
        if (gazetteer.TryGetCountry(name, out var country))
        {
            return new PlaceInfo(country.Name, "country");
        }

        if (gazetteer.TryGetCountryByCapital(name, out var ofCapital))
        {
            return new PlaceInfo(ofCapital.Name, "capital");
        }

        if (gazetteer.TryGetCountryByDemonym(name, out var ofDemonym))
        {
            return new PlaceInfo(ofDemonym.Name, "demonym");
        }

        return null;
    };

    /// <summary>The brief of one story (following merges), or null when there is no such story.</summary>
    public StoryBrief? Brief(long storyId, CancellationToken cancellationToken = default)
    {
        var resolved = Store.ResolveStory(storyId);
        if (resolved is not long id)
        {
            return null;
        }

        var articles = Store.GetArticles(Store.StoryArticleIds(id));
        return BriefOf(id.ToString(CultureInfo.InvariantCulture), articles, cancellationToken);
    }

    /// <summary>The brief of a set of articles treated as one story.</summary>
    public StoryBrief BriefOf(string storyId, IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        var story = articles.Select(a => new StoryArticle(a, Annotate(a, cancellationToken))).ToList();
        return new StoryAnalyzer(ClaimScorer, Places).Analyze(storyId, story, cancellationToken);
    }

    /// <summary>The brief document (articles and stories) for the given stories, in the order given.</summary>
    public BriefDocument BriefDocument(IEnumerable<long> storyIds, CancellationToken cancellationToken = default)
    {
        var briefs = new List<StoryBrief>();
        foreach (var id in storyIds)
        {
            if (Brief(id, cancellationToken) is { } b)
            {
                briefs.Add(b);
            }
        }

        var articles = Store.GetArticles(briefs.SelectMany(b => b.Articles))
            .Select(a => new BriefArticle(a.Id, a.Title, a.Source, StoryArticle.OutletName(a), a.Url, a.Published, a.Language, a.Body, a.CopyOf))
            .ToList();
        return new BriefDocument(articles, briefs);
    }

    private static readonly Lazy<IClaimScorer> LazyScorer = new(() => ParaphraseClaimScorer.LoadEmbedded());

    /// <summary>How claims are compared across outlets: the trained paraphrase model with its relatedness gate (loaded once, lazily).</summary>
    public static IClaimScorer ClaimScorer => LazyScorer.Value;
}
