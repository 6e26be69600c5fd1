using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProgramDsl.Cli;
using ProgramDsl.Cli.Commands;
using ProgramDsl.Cli.Infrastructure;

// The empty builder skips configuration files and logging providers the CLI does not use, keeping start-up short. The
// arguments are not the host's configuration: the CLI parses them itself, and the host's command-line provider throws
// on arguments it cannot map (`tpm diff -ca=b`).
var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Services.AddTpmCli();
using var host = builder.Build();
using var ctrlC = host.Services.GetRequiredService<Interruption>().CancelOnCtrlC();
return host.Services.GetRequiredService<CliApplication>().Run(args);

namespace ProgramDsl.Cli
{
    /// <summary>Service registration for the CLI, shared with the in-process tests.</summary>
    public static class CliServices
    {
        public static IServiceCollection AddTpmCli(this IServiceCollection services)
        {
            services.AddSingleton<IConsoleEnvironment, SystemConsoleEnvironment>();
            services.AddSingleton<IFileSystem, PhysicalFileSystem>();
            services.AddSingleton<SeverityConfigLocator>();
            services.AddSingleton<PlanLoader>();
            services.AddSingleton<CheckCommand>();
            services.AddSingleton<ScheduleCommand>();
            services.AddSingleton<IPortfolioPageWriter, PortfolioGanttPage>();
            services.AddSingleton<BuildCommand>();
            services.AddSingleton<ForecastCommand>();
            services.AddSingleton<StatusCommand>();
            services.AddSingleton<BaselineCommand>();
            services.AddSingleton<DiffCommand>();
            services.AddSingleton<ImportCommand>();
            services.AddSingleton<FmtCommand>();
            services.AddSingleton<InitCommand>();
#if TPM_LSP
            services.AddSingleton<CliPlanWorkspace>();
#endif
            services.AddSingleton<LspCommand>();
            services.AddSingleton(System.TimeProvider.System);
            services.AddSingleton<Interruption>();
            services.AddSingleton<CliApplication>();
            return services;
        }
    }
}
