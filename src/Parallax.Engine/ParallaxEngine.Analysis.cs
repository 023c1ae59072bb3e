using Parallax.Core;
using Parallax.Nlp;

namespace Parallax.Engine;

public sealed partial class ParallaxEngine
{
    private static readonly Lazy<Pipeline> LazyPipeline = new(NlpPipeline.CreateFull);

    /// <summary>The language pipeline every article goes through.</summary>
    public static Pipeline AnalysisPipeline => LazyPipeline.Value;

    /// <summary>The article's annotated document: from the store when the current pipeline made it, else annotated now and saved.</summary>
    public Document Annotate(Article article, CancellationToken cancellationToken = default)
    {
        var signature = AnalysisPipeline.Signature;
        if (Store.LoadAnnotated(article, signature) is { } stored)
        {
            return stored;
        }

        var doc = AnalysisPipeline.Run(article.ToDocument(), cancellationToken);
        Store.SaveLayers(article.Id, doc, signature);
        return doc;
    }

    /// <summary>Annotates every article the current pipeline has not seen, then places every unplaced article in a story.</summary>
    public void AnalyzeNew(CancellationToken cancellationToken = default)
    {
        var signature = AnalysisPipeline.Signature;
        using (Store.BeginWrites(commitEvery: 32))
        {
            foreach (var id in Store.ArticlesNeedingAnnotation(signature))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Store.GetArticle(id) is { } article)
                {
                    Store.SaveLayers(id, AnalysisPipeline.Run(article.ToDocument(), cancellationToken), signature);
                }
            }
        }

        PlaceUnplaced(cancellationToken);
    }
}
