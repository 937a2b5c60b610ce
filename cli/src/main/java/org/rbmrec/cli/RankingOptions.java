package org.rbmrec.cli;

import org.rbmrec.eval.EvaluationConfig;
import picocli.CommandLine.Option;

/** The ranking-metric options ({@code -k}, {@code --rank-users}) of the commands that evaluate. */
final class RankingOptions {
  @Option(names = "-k", paramLabel = "K", defaultValue = "10",
      description = "Cut-off of the ranking metrics (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--rank-users", paramLabel = "N",
      defaultValue = "" + EvaluationConfig.DEFAULT_MAX_RANKED_USERS,
      description = "Average the ranking metrics over at most N users with a relevant test"
          + " rating, evenly spaced by index; 0 ranks every user (default: ${DEFAULT-VALUE};"
          + " ml-100k and ml-1m have fewer, so all are ranked).")
  int rankUsers;
}
