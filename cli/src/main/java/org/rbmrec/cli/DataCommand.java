package org.rbmrec.cli;

import picocli.CommandLine.Command;

/** The {@code rbmrec data} group: inspect, fetch and generate data sets. */
@Command(
    name = "data",
    description = "Inspect, download and generate rating data sets.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {DataInfoCommand.class, DataFetchCommand.class, DataSynthCommand.class})
public final class DataCommand {}
