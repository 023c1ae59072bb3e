using System.Text.Json;
using Parallax.Core;
using Parallax.Stories.Clustering;

namespace Parallax.Engine;

/// <summary>How the engine's story clusterer got its state.</summary>
public enum ClustererResume
{
    /// <summary>Not needed yet: nothing was placed by this engine.</summary>
    NotLoaded,

    /// <summary>No article was placed before: a fresh clusterer.</summary>
    Fresh,

    /// <summary>Loaded from the snapshot in the store.</summary>
    Snapshot,

    /// <summary>Rebuilt by re-placing every placed article (no usable snapshot: see <see cref="ParallaxEngine.ClustererResumeNote"/>).</summary>
    Replayed,
}

public sealed partial class ParallaxEngine
{
    /// <summary>The name of the clusterer's snapshot in the store's engine state.</summary>
    public const string ClustererStateName = "story-clusterer";

    private static readonly JsonSerializerOptions ExplanationJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private StoryClusterer? _clusterer;
    private TextFeatureExtractor? _features;

    /// <summary>How the story clusterer was resumed (after the first placement of this engine).</summary>
    public ClustererResume ClustererResume { get; private set; }

    /// <summary>Why the snapshot was not used, when <see cref="ClustererResume"/> is <see cref="Engine.ClustererResume.Replayed"/>.</summary>
    public string? ClustererResumeNote { get; private set; }

    /// <summary>
    /// Places every stored article that is not yet in a story, in arrival order, and stores each placement with its
    /// explanation, any merge of stories it caused, and any revision of recent placements (moves and splits). The
    /// clusterer's state is saved in the store in the same transaction, so the next process resumes from it.
    /// </summary>
    /// <remarks>
    /// The clusterer is resumed from its snapshot in the store. When there is none, or it cannot be used (another
    /// format version or configuration, damaged, or not matching the stored placements), it is rebuilt by replaying
    /// the placed articles in id order: the clusterer is deterministic, so that reproduces their stored placements.
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
                Record(clusterer, placement, article.Title, touched);
            }

            RecordEntities(touched, cancellationToken);
            SaveClusterer(clusterer);
        }
    }

    /// <summary>Stores a placement, the merges it caused and the placements it revised, so that the store agrees with the clusterer.</summary>
    private void Record(StoryClusterer clusterer, Placement placement, string title, HashSet<long> touched)
    {
        long storyId = clusterer.StoryOf(placement.ArticleId) ?? placement.StoryId;
        touched.Add(storyId);
        Store.SavePlacement(
            placement.ArticleId,
            storyId,
            clusterer.HeadlineOf(storyId) ?? title,
            placement.Explanation.Score,
            placement.Decision.ToString(),
            placement.Explanation.ToJson());

        // merges first: they move every stored member of the absorbed story; the revisions below then put each moved
        // article where the clusterer has it now (its story after every merge of this placement)
        foreach (var merge in placement.Merges)
        {
            Store.SaveMerge(merge.Into, merge.Absorbed, merge.BridgingArticle, JsonSerializer.Serialize(merge, ExplanationJson));
            touched.Add(merge.Into);
        }

        foreach (var revision in placement.Revisions)
        {
            long now = clusterer.StoryOf(revision.ArticleId) ?? revision.StoryId;
            Store.SavePlacement(
                revision.ArticleId,
                now,
                clusterer.HeadlineOf(now) ?? revision.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                revision.Score,
                revision.Decision.ToString(),
                revision.ToJson());
        }

        foreach (var move in placement.Moves)
        {
            Store.SaveMove(move.ArticleId, move.From, move.To, move.TriggeredBy, move.Split, JsonSerializer.Serialize(move, ExplanationJson));
            touched.Add(move.From);
            touched.Add(move.To);

            // syndicated copies move with their original
            foreach (long copy in Store.CopiesOf(move.ArticleId))
            {
                if (clusterer.StoryOf(copy) is long s)
                {
                    Store.ReassignPlacement(copy, s); // a no-op where the copy is already there
                }
            }
        }
    }

    private void SaveClusterer(StoryClusterer clusterer)
    {
        using var buffer = new MemoryStream();
        clusterer.Save(buffer);
        Store.SaveState(ClustererStateName, StoryClusterer.SnapshotVersion, buffer.ToArray());
    }

    private StoryClusterer Clusterer(CancellationToken cancellationToken)
    {
        if (_clusterer is not null)
        {
            return _clusterer;
        }

        var (placed, newest) = Store.PlacedArticles();
        if (placed == 0)
        {
            ClustererResume = ClustererResume.Fresh;
            return _clusterer = NewClusterer();
        }

        if (TryLoadClusterer(placed, newest, out var loaded, out var note))
        {
            ClustererResume = ClustererResume.Snapshot;
            return _clusterer = loaded;
        }

        var clusterer = NewClusterer();
        var placedIds = Store.PlacedArticleIds();
        foreach (var article in Store.AllArticles().Where(a => placedIds.Contains(a.Id)).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            clusterer.Place(Features(article, cancellationToken));
        }

        ClustererResume = ClustererResume.Replayed;
        ClustererResumeNote = note;
        return _clusterer = clusterer;
    }

    /// <summary>The clusterer as this engine holds it (resumed on first use).</summary>
    internal StoryClusterer CurrentClusterer(CancellationToken cancellationToken = default) => Clusterer(cancellationToken);

    private static StoryClusterer NewClusterer() => new(ClusteringOptions.Default, BackgroundFrequencies.Embedded);

    /// <summary>Loads the snapshot when there is one of this version that holds exactly the stored placements.</summary>
    private bool TryLoadClusterer(long placed, long? newest, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoryClusterer? clusterer, out string note)
    {
        clusterer = null;
        if (Store.LoadState(ClustererStateName) is not { } state)
        {
            note = "the store holds no clusterer snapshot";
            return false;
        }

        if (state.Version != StoryClusterer.SnapshotVersion)
        {
            note = $"the snapshot has version {state.Version}, this build reads {StoryClusterer.SnapshotVersion}";
            return false;
        }

        try
        {
            using var stream = new MemoryStream(state.Data, writable: false);
            clusterer = StoryClusterer.Load(stream, ClusteringOptions.Default, BackgroundFrequencies.Embedded);
        }
        catch (ParallaxException ex) when (ex.Code == ErrorCodes.DataFormat)
        {
            note = ex.Message;
            return false;
        }

        // placements committed without the snapshot that goes with them (another build, an interrupted run) show here
        if (clusterer.ArticleCount != placed)
        {
            note = $"the snapshot holds {clusterer.ArticleCount} placed articles, the store {placed}";
            clusterer = null;
            return false;
        }

        if (newest is long last && clusterer.StoryOf(last) is null)
        {
            note = $"the snapshot lacks article {last}, placed after it was saved";
            clusterer = null;
            return false;
        }

        note = string.Empty;
        return true;
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
