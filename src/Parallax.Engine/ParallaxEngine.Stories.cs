using System.Text.Json;
using Parallax.Core;
using Parallax.Stories.Clustering;

namespace Parallax.Engine;

public sealed partial class ParallaxEngine
{
    private static readonly JsonSerializerOptions ExplanationJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private StoryClusterer? _clusterer;
    private TextFeatureExtractor? _features;

    /// <summary>
    /// Places every stored article that is not yet in a story, in arrival order, and stores each placement with its
    /// explanation (and any merge of stories it caused).
    /// </summary>
    /// <remarks>
    /// The clusterer is deterministic and articles arrive in id order, so the in-memory state is rebuilt by replaying the
    /// placed articles in that order, which reproduces their stored placements; the new articles then continue from there.
    /// </remarks>
    public void PlaceUnplaced(CancellationToken cancellationToken = default)
    {
        var unplaced = Store.UnplacedArticles();
        if (unplaced.Count == 0)
        {
            return;
        }

        var clusterer = Clusterer(cancellationToken);
        var touched = new HashSet<long>();
        using (Store.BeginWrites(commitEvery: 64))
        {
            foreach (var id in unplaced)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Store.GetArticle(id) is not { } article)
                {
                    continue;
                }

                var placement = clusterer.Place(Features(article, cancellationToken));
                touched.Add(placement.StoryId);
                var story = clusterer.GetStory(placement.StoryId);
                Store.SavePlacement(
                    id,
                    placement.StoryId,
                    story?.Headline ?? article.Title,
                    placement.Explanation.Score,
                    placement.Decision.ToString(),
                    JsonSerializer.Serialize(placement.Explanation, ExplanationJson));
                foreach (var merge in placement.Merges)
                {
                    Store.SaveMerge(merge.Into, merge.Absorbed, merge.BridgingArticle, JsonSerializer.Serialize(merge, ExplanationJson));
                    touched.Add(merge.Into);
                }
            }

            RecordEntities(touched, cancellationToken);
        }
    }

    private StoryClusterer Clusterer(CancellationToken cancellationToken)
    {
        if (_clusterer is not null)
        {
            return _clusterer;
        }

        var clusterer = new StoryClusterer(ClusteringOptions.Default, BackgroundFrequencies.Embedded);
        foreach (var article in Store.AllArticles().Where(a => Store.StoryOfArticle(a.Id) is not null).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            clusterer.Place(Features(article, cancellationToken));
        }

        _clusterer = clusterer;
        return clusterer;
    }

    private ArticleFeatures Features(Article article, CancellationToken cancellationToken)
    {
        _features ??= new TextFeatureExtractor(BackgroundFrequencies.Embedded);
        Document? doc = null;
        try
        {
            doc = Annotate(article, cancellationToken);
        }
        catch (ParallaxException)
        {
            // an article the pipeline cannot annotate is still clustered on its text
        }

        return _features.Extract(ClusterArticle.From(article, doc), cancellationToken);
    }
}
