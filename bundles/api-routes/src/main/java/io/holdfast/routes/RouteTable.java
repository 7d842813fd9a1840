package io.holdfast.routes;

/** Every route the API answers, over the services it answers with. */
final class RouteTable {
    private RouteTable() {
    }

    static Router of(EngineVersion version, ApiServices services) {
        Router router = new Router();
        new SystemRoutes(version, services::config, services::containers, services::images).register(router);
        new ContainerRoutes(services::containers, services::logs, services::images, services::containersAfter,
                services.streams()).register(router);
        new WaitRoutes(services::containers, services::containersAfter, services.streams()).register(router);
        new AttachRoutes(services::containers, services::logs).register(router);
        new ExecRoutes(services::containers, services::logs).register(router);
        new ContainerVerbRoutes(services::containers).register(router);
        new ContainerUsageRoutes(services::containers).register(router);
        new ArchiveRoutes(services::containers).register(router);
        RegistryRoutes registry = new RegistryRoutes(services::distribution);
        new ImageRoutes(services::images, services::containers, services::imageContent, registry::pull)
                .register(router);
        registry.register(router);
        new VolumeRoutes(services::volumes).register(router);
        new EventRoutes(services::events, services.streams()).register(router);
        new NetworkRoutes(services::networks, services::containers).register(router);
        new RestoreRoutes(services::restoreReport, services::restoreControl).register(router);
        return router;
    }
}
