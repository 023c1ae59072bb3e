using Parallax.Cli;

return CliApp.Run(args);
