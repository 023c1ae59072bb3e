using Dapper;
using Parallax.Core;

namespace Parallax.Storage;

public sealed partial class ArticleStore
{
    /// <summary>Stores the annotation layers of an article (replacing earlier ones), with the pipeline that made them.</summary>
    public void SaveLayers(long articleId, Document document, string pipelineSignature)
    {
        bool own = _transaction is null;
        var tx = _transaction ?? _connection.BeginTransaction();
        try
        {
            _connection.Execute("DELETE FROM article_layers WHERE article_id = @articleId", new { articleId }, tx);
            foreach (var layer in LayerCodec.Stored)
            {
                if (LayerCodec.Encode(document, layer) is { } data)
                {
                    _connection.Execute(
                        "INSERT INTO article_layers (article_id, layer, component, data) VALUES (@articleId, @layer, @pipelineSignature, @data)",
                        new { articleId, layer, pipelineSignature, data },
                        tx);
                }
            }

            if (own)
            {
                tx.Commit();
            }
        }
        finally
        {
            if (own)
            {
                tx.Dispose();
            }
        }
    }

    /// <summary>The article's document with its stored layers, or null when it was never annotated by <paramref name="pipelineSignature"/>.</summary>
    public Document? LoadAnnotated(Article article, string? pipelineSignature = null)
    {
        var rows = _connection.Query<(string Layer, string Component, string Data)>(
            "SELECT layer, component, data FROM article_layers WHERE article_id = @id", new { id = article.Id }, _transaction).ToList();
        if (rows.Count == 0 || (pipelineSignature is not null && rows.Any(r => r.Component != pipelineSignature)))
        {
            return null;
        }

        var doc = article.ToDocument();
        foreach (var (layer, _, data) in rows)
        {
            doc = LayerCodec.Decode(doc, layer, data);
        }

        return doc;
    }

    /// <summary>Ids of articles that have no layers from <paramref name="pipelineSignature"/>.</summary>
    public IReadOnlyList<long> ArticlesNeedingAnnotation(string pipelineSignature) =>
        _connection.Query<long>(
            """
            SELECT a.id FROM articles a
            WHERE NOT EXISTS (SELECT 1 FROM article_layers l WHERE l.article_id = a.id AND l.component = @pipelineSignature)
            ORDER BY a.id
            """,
            new { pipelineSignature },
            _transaction).ToList();
}
