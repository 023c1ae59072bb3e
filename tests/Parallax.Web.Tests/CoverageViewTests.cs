using Parallax.Stories.Briefs;
using Parallax.Web.Pages;

namespace Parallax.Web.Tests;

public class CoverageViewTests
{
    private static Coverage Matrix(int outlets, int claims)
    {
        var rows = new List<CoverageRow>();
        for (int c = 0; c < claims; c++)
        {
            // claim c is carried by outlet c % outlets; every tenth claim also by outlet 0 and is shared
            var cells = Enumerable.Range(0, outlets).Select(o => (IReadOnlyList<long>)(o == c % outlets || (c % 10 == 0 && o == 0) ? [o + 1L] : [])).ToList();
            rows.Add(new CoverageRow("f" + c, "claim " + c, c % 10 == 0 ? "consensus" : "single", cells));
        }

        return new Coverage(Enumerable.Range(0, outlets).Select(o => "outlet " + o).ToList(), rows);
    }

    [Fact]
    public void A_small_matrix_is_shown_whole()
    {
        var view = CoverageView.Build(Matrix(3, 20));
        Assert.False(view.Cut);
        Assert.Equal(20, view.Rows.Count);
        Assert.Equal([0, 1, 2], view.OutletIndexes);
    }

    [Fact]
    public void A_big_matrix_keeps_the_shared_claims_and_the_busiest_outlets_in_their_order()
    {
        var view = CoverageView.Build(Matrix(30, 300));
        Assert.True(view.Cut);
        Assert.Equal(CoverageView.MaxRows, view.Rows.Count);
        Assert.Equal(CoverageView.MaxOutlets, view.Outlets.Count);
        Assert.All(Enumerable.Range(0, 30).Select(i => "f" + (i * 10)), f => Assert.Contains(view.Rows, r => r.Fact == f)); // all 30 shared claims
        Assert.Contains(0, view.OutletIndexes); // outlet 0 carries the most
        Assert.Equal(view.OutletIndexes.Order(), view.OutletIndexes);
        Assert.Equal(view.Rows.Select(r => int.Parse(r.Fact[1..], System.Globalization.CultureInfo.InvariantCulture)).Order(), view.Rows.Select(r => int.Parse(r.Fact[1..], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
