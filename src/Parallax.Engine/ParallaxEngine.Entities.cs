using Parallax.Core;
using Parallax.Storage;
using Parallax.Stories.Briefs;
using Parallax.Stories.Entities;

namespace Parallax.Engine;

public sealed partial class ParallaxEngine
{
    /// <summary>
    /// Resolves the entities of each story across its articles and records them store-wide (matched across stories by
    /// their normalised key), with roles and the outlets that gave them, and the quotes with their speakers.
    /// </summary>
    public void RecordEntities(IEnumerable<long> storyIds, CancellationToken cancellationToken = default)
    {
        foreach (var storyId in storyIds.Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Store.ResolveStory(storyId) is not long id)
            {
                continue;
            }

            var articles = Store.GetArticles(Store.StoryArticleIds(id))
                .Select(a => new StoryArticle(a, Annotate(a, cancellationToken)))
                .ToList();
            var resolution = new EntityResolver(Places).Resolve(articles.Select(a => new EntitySourceDocument(a.Id, a.Outlet, a.Document)));
            var outletOf = articles.ToDictionary(a => a.Id, a => a.Outlet);
            var records = resolution.Entities.Select(e => new EntityRecord(
                    e.Key,
                    e.Name,
                    e.Type.ToLabel(),
                    e.Country,
                    e.Aliases,
                    e.Mentions.Select(m => (m.Article, m.Range.Start, m.Range.End, m.Text)).ToList(),
                    e.Roles.SelectMany(r => r.Articles.Select(article => (article, r.Role, outletOf[article]))).ToList()))
                .ToList();
            var quotes = new List<QuoteRecord>();
            foreach (var a in articles)
            {
                foreach (var q in a.Document.GetOrDefault(Layers.Quotes)?.Quotes ?? [])
                {
                    var speaker = q.Entity >= 0 ? resolution.Of(a.Id, q.Entity) : null;
                    quotes.Add(new QuoteRecord(
                        a.Id,
                        speaker?.Key,
                        speaker?.Name ?? q.Speaker,
                        q.Cue is TextRange c ? c.Of(a.Document.Text) : null,
                        q.Content.Of(a.Document.Text),
                        q.Direct,
                        q.Content.Start,
                        q.Content.End,
                        q.Resolution.ToString().ToLowerInvariant()));
                }
            }

            Store.SaveEntities(articles.Select(a => a.Id).ToList(), records, quotes);
        }
    }

    public IReadOnlyList<EntitySummary> ListEntities(string? query = null, string? type = null, int limit = 100, int offset = 0) =>
        Store.ListEntities(query, type, limit, offset);

    public EntityDetail? GetEntity(string idOrName) => Store.GetEntity(idOrName);
}
