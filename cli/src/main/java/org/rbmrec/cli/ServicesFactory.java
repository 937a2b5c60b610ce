package org.rbmrec.cli;

import java.lang.reflect.Constructor;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates command objects for picocli: a class with a constructor taking {@link CliServices}
 * gets the services; anything else is made by picocli's default factory.
 */
final class ServicesFactory implements IFactory {
  private final CliServices services;
  private final IFactory fallback = CommandLine.defaultFactory();

  ServicesFactory(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> constructor;
    try {
      constructor = type.getDeclaredConstructor(CliServices.class);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
    constructor.setAccessible(true);
    return constructor.newInstance(services);
  }
}
