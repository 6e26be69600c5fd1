using ProgramDsl.Portfolios;
using ProgramDsl.Reports.Html;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>The portfolio page <c>tpm build PORTFOLIO</c> writes as <c>index.html</c> beside the programs' folders.</summary>
    public interface IPortfolioPageWriter
    {
        /// <summary>The page of a portfolio whose programs were compiled (leveled together, or each as it stands).</summary>
        string Render(TpmPortfolio portfolio, string toolVersion);
    }

    /// <summary>The Reports portfolio Gantt page: a lane per program, its workstreams and tasks, the shared people's and pools' loads.</summary>
    public sealed class PortfolioGanttPage : IPortfolioPageWriter
    {
        /// <inheritdoc/>
        public string Render(TpmPortfolio portfolio, string toolVersion) => PortfolioGanttWriter.Render(portfolio, toolVersion);
    }
}
