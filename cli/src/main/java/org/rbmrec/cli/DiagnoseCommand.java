package org.rbmrec.cli;

import picocli.CommandLine.Command;

/** The {@code rbmrec diagnose} group: checks that explain why training behaves as it does. */
@Command(
    name = "diagnose",
    description = "Checks that explain why a model does or does not learn.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {DiagnoseOverfitCommand.class})
public final class DiagnoseCommand {}
